-- Where sources measure the same thing: which facts compare (a measure and its members), how far they may differ
-- (absolute and relative tolerance), and which value wins (the precedence policy). All of it is data: a province
-- changes a tolerance or an order with an update, not a release.
create table fact.measure (
    measure            text primary key,
    title              text not null,
    absolute_tolerance numeric not null check (absolute_tolerance >= 0),
    relative_tolerance numeric not null check (relative_tolerance >= 0),
    policy             text not null check (policy in ('ordered_sources', 'largest', 'steward')),
    source_order       text[] not null default '{}',
    steward_above      numeric check (steward_above > 0),
    note               text not null,
    check (policy <> 'ordered_sources' or cardinality(source_order) > 0)
);
comment on table fact.measure is 'A quantity several sources (or streams) report; values differing beyond both tolerances conflict.';
comment on column fact.measure.absolute_tolerance is 'Largest difference (numerator, or value when there is none) that is not a conflict.';
comment on column fact.measure.relative_tolerance is 'Largest difference over the larger value that is not a conflict; a conflict exceeds both tolerances.';
comment on column fact.measure.policy is 'ordered_sources: the first source of source_order with a complete value; largest: the largest complete value; steward: always a person.';
comment on column fact.measure.steward_above is 'Relative difference above which the policy only suggests and a steward decides (null: the policy always settles).';

create table fact.measure_member (
    source    text not null,
    indicator text not null references fact.indicator (indicator),
    measure   text not null references fact.measure (measure),
    primary key (source, indicator)
);
comment on table fact.measure_member is 'The (source, indicator) facts of a measure; every stream of the source takes part (telecom operators).';

insert into fact.measure (measure, title, absolute_tolerance, relative_tolerance, policy, source_order, steward_above, note) values
    ('dossiers_received', 'Dossiers received', 5, 0.05, 'ordered_sources', '{emc,portal}', 0.25,
     'EMC first: Decision 2361 names EMC as the source of X.CQS.02 (SOURCES.md D1). Both show the provincial system''s counts, EMC by synchronisation, so a large gap is an outage for a steward to look at.'),
    ('dossiers_online', 'Dossiers received online over dossiers received', 5, 0.05, 'ordered_sources', '{emc,portal}', 0.25,
     'The portal calls it dossiers_received_online, EMC dossiers_online.'),
    ('dossiers_fully_online', 'Dossiers handled fully online over dossiers received', 5, 0.05, 'ordered_sources', '{emc,portal}', 0.25,
     'X.CQS.02.'),
    ('smartphone_subscribers_15_plus', 'Smartphone subscribers aged 15 and over', 0, 0, 'largest', '{}', null,
     'Operators count their own subscribers and people hold several SIMs, so the largest count is the lower bound of the commune''s figure (telecom CONTRACT.md). X.XHS.01.'),
    ('households_fibre', 'Households covered by fibre over households', 0, 0, 'largest', '{}', null,
     'Operators'' networks overlap: the largest coverage is the lower bound. X.XHS.02.'),
    ('cultural_houses_fibre', 'Cultural houses with fibre over cultural houses', 0, 0, 'largest', '{}', null,
     'As households_fibre. X.XHS.07.'),
    ('digital_signatures_personal', 'Personal digital signatures', 0, 0, 'largest', '{}', null,
     'Each operator issues its own; the largest is a lower bound. X.XHS.03.');

insert into fact.measure_member (source, indicator, measure) values
    ('portal', 'dossiers_received', 'dossiers_received'),
    ('emc', 'dossiers_received', 'dossiers_received'),
    ('portal', 'dossiers_received_online', 'dossiers_online'),
    ('emc', 'dossiers_online', 'dossiers_online'),
    ('portal', 'dossiers_fully_online', 'dossiers_fully_online'),
    ('emc', 'dossiers_fully_online', 'dossiers_fully_online'),
    ('telecom', 'smartphone_subscribers_15_plus', 'smartphone_subscribers_15_plus'),
    ('telecom', 'households_fibre', 'households_fibre'),
    ('telecom', 'cultural_houses_fibre', 'cultural_houses_fibre'),
    ('telecom', 'digital_signatures_personal', 'digital_signatures_personal');

-- One row per unit x measure x period where two or more current facts exist, kept up to date after every load:
-- the values compared (candidates), whether they conflict, and the value that counts (chosen). Rows are never
-- deleted; every change of status or chosen value is an event below.
--   agreed   the values are within tolerance: chosen is the policy's pick, no conflict
--   settled  a conflict the policy settled (reason says how)
--   open     a conflict waiting for a steward (chosen is null; suggestion is the policy's pick, if any)
--   resolved a steward accepted a source's value or overrode it
--   withdrawn fewer than two values remain (a source withdrew one)
create table fact.reconciliation (
    reconciliation_id bigint generated always as identity primary key,
    era               smallint not null,
    unit_code         text not null,
    measure           text not null references fact.measure (measure),
    period            text not null,
    period_start      date not null,
    period_end        date not null,
    status            text not null check (status in ('agreed', 'settled', 'open', 'resolved', 'withdrawn')),
    reason            text not null,
    candidates        jsonb not null,
    spread            numeric not null,
    relative_spread   numeric,
    suggestion        jsonb,
    chosen            jsonb,
    decided_by        text,
    decided_at        timestamptz,
    decision_note     text,
    evidence_url      text,
    first_seen_at     timestamptz not null,
    changed_at        timestamptz not null,
    unique (era, unit_code, measure, period),
    foreign key (era, unit_code) references ref.admin_unit (era, code) deferrable initially deferred,
    check ((status = 'resolved') = (decided_by is not null))
);
create index reconciliation_open on fact.reconciliation (measure, period) where status = 'open';
comment on table fact.reconciliation is 'Values of one measure for a unit and period from two or more sources, their conflict status and the value that counts.';
comment on column fact.reconciliation.candidates is 'The facts compared: [{source, stream, indicator, numerator, denominator, value, value_unit, complete, simulated, revision}].';
comment on column fact.reconciliation.chosen is 'The value that counts: one of the candidates, or a steward''s override ({"override": true, numerator, denominator, value}); null while open.';

create table fact.reconciliation_event (
    event_id          bigint generated always as identity primary key,
    reconciliation_id bigint not null references fact.reconciliation (reconciliation_id),
    at                timestamptz not null,
    actor             text not null,
    action            text not null check (action in
                          ('detected', 'values_changed', 'reopened', 'withdrawn', 'accepted', 'overridden')),
    status_before     text,
    status_after      text not null,
    chosen_before     jsonb,
    chosen_after      jsonb,
    candidates        jsonb not null,
    reason            text not null,
    note              text,
    evidence_url      text
);
create index reconciliation_event_row on fact.reconciliation_event (reconciliation_id, at);
comment on table fact.reconciliation_event is 'Audit trail: who (the pipeline or a steward) changed what, when, with the values before and after.';

grant select on fact.measure, fact.measure_member to pipeline_loader;
grant select, insert, update on fact.reconciliation, fact.reconciliation_event to pipeline_loader;
grant select on fact.measure, fact.measure_member, fact.reconciliation, fact.reconciliation_event to pipeline_steward;
grant update on fact.reconciliation to pipeline_steward;
grant insert on fact.reconciliation_event to pipeline_steward;

analyze fact.measure;
analyze fact.measure_member;
