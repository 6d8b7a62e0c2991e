-- Which criteria a system measures, and what communes attest for the others.

-- The measures (analytics.resolved_values.measure) each automatically measured criterion rests on: the pre-fill's
-- evidence and "conflict pending" status follow them, and attestations are refused for these criteria (a system
-- measures them; a disagreement goes to the stewards, not to a form).
create table fact.criterion_source (
    framework text not null,
    criterion text not null,
    measures  text[] not null,
    rule      text not null,
    primary key (framework, criterion)
);
comment on table fact.criterion_source is 'Criteria a system measures, with the measures they are computed from (the rule is in analytics.criterion_inputs_<framework>).';

insert into fact.criterion_source (framework, criterion, measures, rule) values
    ('qd2361', 'X.CQS.01', '{procedures_offered_fully_online}', 'procedures offered fully online over procedures eligible (portal)'),
    ('qd2361', 'X.CQS.02', '{dossiers_fully_online}', 'dossiers handled fully online over dossiers received (EMC, portal)'),
    ('qd2361', 'X.CQS.14', '{service_points_with_internet_pc}', 'at least one postal service point with an internet PC'),
    ('qd2361', 'X.CQS.15', '{tslcd_200mbps}', 'an operator reports the office on TSLCD at 200 Mbps'),
    ('qd2361', 'X.KTS.03', '{ocop_products_online}', 'OCOP products on e-commerce'),
    ('qd2361', 'X.XHS.01', '{smartphone_subscribers_15_plus,population_15_plus}', 'smartphone subscribers 15+ over VNeID population 15+'),
    ('qd2361', 'X.XHS.02', '{households_fibre}', 'households on fibre over households (operators)'),
    ('qd2361', 'X.XHS.04', '{eid_level2_accounts}', 'level-2 e-identity accounts over population 14+ (VNeID)'),
    ('qd2361', 'X.XHS.06', '{ehealth_records}', 'people with an e-health record over people served (health)'),
    ('qd2361', 'X.XHS.07', '{cultural_houses_fibre}', 'cultural houses on fibre over cultural houses (operators)'),
    ('qd2361', 'X.XHS.08', '{his_3532}', 'the commune station runs the 3532 HIS (health)');

-- A commune officer's attested value for a criterion no system measures, as imported from the filled template:
-- who and when, the evidence link, and where in which file it came from. A re-import replaces the value and keeps
-- the previous one below.
create table fact.attestation (
    framework    text not null,
    era          smallint not null,
    unit_code    text not null,
    year         integer not null,
    criterion    text not null,
    value        numeric not null,
    denominator  numeric,
    evidence_url text not null,
    note         text,
    attested_by  text not null,
    attested_at  timestamptz not null,
    source_file  text not null,
    source_row   text not null,
    primary key (framework, era, unit_code, year, criterion),
    foreign key (era, unit_code) references ref.admin_unit (era, code) deferrable initially deferred
);
comment on table fact.attestation is 'Attested values of criteria no system measures: value, evidence link, who, when, file and row.';

create table fact.attestation_revision (
    framework    text not null,
    era          smallint not null,
    unit_code    text not null,
    year         integer not null,
    criterion    text not null,
    value        numeric not null,
    denominator  numeric,
    evidence_url text not null,
    note         text,
    attested_by  text not null,
    attested_at  timestamptz not null,
    source_file  text not null,
    source_row   text not null,
    replaced_at  timestamptz not null,
    replaced_by  text not null,
    primary key (framework, era, unit_code, year, criterion, replaced_at)
);
comment on table fact.attestation_revision is 'Attested values a later import replaced.';

grant select, insert, update, delete on fact.criterion_source, fact.attestation, fact.attestation_revision to pipeline_loader;
grant select on fact.criterion_source to pipeline_steward;
grant select, insert, update on fact.attestation, fact.attestation_revision to pipeline_steward;

-- The view analytics.criterion_values_qd2361 is defined in sql/repeatable/ since issue 27. Warehouses that applied
-- the earlier text: sql/rewritten-checksums.txt.
