-- Units are merged by (era, code), not replaced, so facts that reference a unit keep their key. A unit that
-- vanished from the files is deleted; a fact still pointing at it makes the whole load fail rather than lose it.
with upserted as (
    insert into ref.admin_unit as t
    select * from stage_admin_unit
    on conflict (era, code) do update
        set name = excluded.name, short_name = excluded.short_name, type = excluded.type,
            type_full = excluded.type_full, level = excluded.level, parent_code = excluded.parent_code,
            province_code = excluded.province_code, district_code = excluded.district_code,
            name_ascii = excluded.name_ascii
        -- An unchanged reload rewrites nothing.
        where (t.name, t.short_name, t.type, t.type_full, t.level, t.parent_code, t.province_code, t.district_code, t.name_ascii)
              is distinct from
              (excluded.name, excluded.short_name, excluded.type, excluded.type_full, excluded.level,
               excluded.parent_code, excluded.province_code, excluded.district_code, excluded.name_ascii)
    returning (xmax = 0) as inserted
),
deleted as (
    delete from ref.admin_unit t
    where not exists (select 1 from stage_admin_unit s where s.era = t.era and s.code = t.code)
    returning 1
)
select (select count(*) from upserted where inserted)     as units_inserted,
       (select count(*) from upserted where not inserted) as units_updated,
       (select count(*) from deleted)                     as units_deleted;
