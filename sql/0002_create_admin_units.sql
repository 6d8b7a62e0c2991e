-- Administrative units of both eras, keyed by (era, code): codes are reused across eras (00004 is Phường Trúc
-- Bạch in 2024 and Phường Ba Đình in 2025), so a code alone never identifies a unit.

create table ref.admin_unit (
    era           smallint not null check (era in (2024, 2025)),
    code          text     not null,
    name          text     not null,
    short_name    text     not null,
    type          text     not null,
    type_full     text     not null,
    level         text     not null check (level in ('province', 'district', 'commune')),
    parent_code   text,
    province_code text     not null,
    district_code text,
    name_ascii    text     not null,
    primary key (era, code),
    -- GSO codes: 2 digits for a province, 3 for a district, 5 for a commune.
    check (code ~ case level when 'province' then '^[0-9]{2}$' when 'district' then '^[0-9]{3}$' else '^[0-9]{5}$' end),
    check (era = 2024 or level <> 'district'),
    check ((level = 'province') = (parent_code is null)),
    check ((era = 2024 and level <> 'province') = (district_code is not null)),
    -- Deferred so one COPY can bring parents and children in any order.
    foreign key (era, parent_code) references ref.admin_unit (era, code) deferrable initially deferred,
    foreign key (era, province_code) references ref.admin_unit (era, code) deferrable initially deferred
);
create index admin_unit_parent on ref.admin_unit (era, parent_code);
comment on table ref.admin_unit is 'Units of the 2024 map (in force until 2025-06-30) and the 2025 map (from 2025-07-01).';

-- One row per (old commune, new commune) pair of the official conversion table.
create table ref.crosswalk (
    source_row        integer  primary key,
    old_era           smallint not null default 2024 check (old_era = 2024),
    old_commune_code  text,
    old_commune_name  text,
    old_district_code text     not null,
    old_district_name text     not null,
    old_province_code text     not null,
    old_province_name text     not null,
    new_era           smallint not null default 2025 check (new_era = 2025),
    new_commune_code  text     not null,
    new_commune_name  text     not null,
    new_province_code text     not null,
    new_province_name text     not null,
    merge_type        text     not null,
    is_split          boolean  not null,
    n_new_targets     integer  not null check (n_new_targets >= 1),
    -- null on the edges of a split old commune with no single target: never allocate those silently.
    primary_target    boolean,
    source_note       text     not null,
    source_old_name   text,
    fix_note          text,
    unique (old_commune_code, new_commune_code),
    foreign key (old_era, old_commune_code) references ref.admin_unit (era, code) deferrable initially deferred,
    foreign key (old_era, old_district_code) references ref.admin_unit (era, code) deferrable initially deferred,
    foreign key (new_era, new_commune_code) references ref.admin_unit (era, code) deferrable initially deferred
);
create index crosswalk_new on ref.crosswalk (new_commune_code);
comment on table ref.crosswalk is 'Official 2024→2025 commune conversion (NSO table, three code typos corrected; see fix_note).';

create table ref.population_2025 (
    era            smallint not null default 2025 check (era = 2025),
    code           text     not null,
    level          text     not null,
    name           text     not null,
    province_code  text     not null,
    population     bigint,
    area_km2       numeric,
    admin_center   text     not null,
    lon            numeric,
    lat            numeric,
    before_merge_text text  not null,
    source_name    text     not null,
    primary key (era, code),
    foreign key (era, code) references ref.admin_unit (era, code) deferrable initially deferred
);
comment on table ref.population_2025 is 'Population and area of 2025 units (sapnhap.bando.com.vn, approximate; null population = not published).';

-- On 2019 units, codes matched by name: some rows have no code and a few share one, so the source line keys it.
create table ref.population_2019_census (
    source_line         integer primary key,
    level               text    not null,
    code_2019           text,
    province_name       text    not null,
    district_name       text,
    commune_name        text,
    match_method        text    not null,
    code_exists_2025_06 boolean,
    population_total    bigint  not null,
    population_urban    bigint  not null,
    population_rural    bigint  not null,
    households_total    bigint  not null,
    households_urban    bigint  not null,
    households_rural    bigint  not null
);
create index population_2019_census_code on ref.population_2019_census (code_2019);
comment on table ref.population_2019_census is '2019 census on 2019 units (GSO); join to 2024 units where code_exists_2025_06.';

create table ref.unit_type_change (
    era            smallint not null default 2025 check (era = 2025),
    code           text     not null,
    level          text     not null,
    province_code  text     not null,
    old_name       text     not null,
    new_name       text     not null,
    old_type       text     not null,
    new_type       text     not null,
    effective_date date     not null,
    legal_basis    text     not null,
    primary key (era, code, effective_date),
    foreign key (era, code) references ref.admin_unit (era, code) deferrable initially deferred
);
comment on table ref.unit_type_change is 'Type or name changes on the 2025 map after 2025-07-01; codes unchanged.';

grant select on all tables in schema ref to pipeline_loader, pipeline_steward;
grant insert, update, delete, truncate on all tables in schema ref to pipeline_loader;
