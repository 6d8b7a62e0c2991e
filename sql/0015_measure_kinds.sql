-- Measures are of two kinds (SPEC section 5, issue 20). `same_quantity`: two systems measure one number (EMC and the
-- portal count the same dossiers); they may conflict, and precedence or a steward decides, as before. `parts`: each
-- stream counts its own share of a total (each telecom operator its own subscribers, networks and signatures); the
-- parts are combined, never compared, into an interval (internal.resolved_values, sql/repeatable/40):
--   low  = the largest part (the others entirely inside it: full overlap)
--   high = the sum of the parts, capped by the denominator (no overlap)
--   the point estimate by the measure's point_rule, shown but never compared with a threshold.
-- A member of role `total` is a de-duplicated count of the same total (one system counting each person once); where
-- it has a value it wins over the combined parts.
alter table fact.measure add column kind text not null default 'same_quantity' check (kind in ('same_quantity', 'parts'));
alter table fact.measure add column point_rule text check (point_rule in ('largest_part', 'independent_union'));
alter table fact.measure add constraint measure_parts_point_rule check ((kind = 'parts') = (point_rule is not null));
comment on column fact.measure.kind is 'same_quantity: sources measure one number and may conflict; parts: each stream counts its own share, combined into an interval, never a conflict.';
comment on column fact.measure.point_rule is 'parts only: the point estimate shown between the bounds. largest_part: the largest part (the parts carry no denominator to estimate overlap with); independent_union: D x (1 - product of (1 - part/D)), the union of parts that overlap as if independent, D the largest part''s denominator.';
comment on column fact.measure.policy is 'same_quantity only (parts are combined): ordered_sources: the first source of source_order with a complete value; largest: the largest complete value; steward: always a person.';

alter table fact.measure_member add column role text not null default 'compared' check (role in ('compared', 'part', 'total'));
alter table fact.measure_member add column parts text[];
alter table fact.measure_member add constraint measure_member_parts check ((role = 'part') = (parts is not null));
comment on column fact.measure_member.role is 'compared: one of the systems measuring a same_quantity measure; part: its streams each count a share (parts lists them); total: a de-duplicated count that wins over the parts.';
comment on column fact.measure_member.parts is 'The streams whose counts are the parts. A stream with facts for the period but none for a unit counts 0 there (operator-c covers about 60% of communes); a stream with no facts for the period at all leaves the combination incomplete (high bound open).';

-- The operators' four measures. Subscribers and signatures have no denominator among the parts (it is VNeID's
-- population, another source), so their point estimate is the largest part; fibre coverage carries the operators'
-- own household and cultural-house counts.
update fact.measure set kind = 'parts', point_rule = 'largest_part',
       note = 'Each operator counts its own subscribers; people hold SIMs of several operators, so the parts overlap by an unknown amount (telecom CONTRACT.md). X.XHS.01.'
 where measure = 'smartphone_subscribers_15_plus';
update fact.measure set kind = 'parts', point_rule = 'largest_part',
       note = 'Each operator issues its own signatures; a resident may hold more than one. X.XHS.03.'
 where measure = 'digital_signatures_personal';
update fact.measure set kind = 'parts', point_rule = 'independent_union',
       note = 'Operators'' fibre networks overlap in the same villages by an unknown amount; over the largest operator''s household count. X.XHS.02.'
 where measure = 'households_fibre';
update fact.measure set kind = 'parts', point_rule = 'independent_union',
       note = 'As households_fibre, over cultural houses. X.XHS.07.'
 where measure = 'cultural_houses_fibre';
update fact.measure_member set role = 'part', parts = '{operator-a,operator-b,operator-c}'
 where source = 'telecom'
   and measure in ('smartphone_subscribers_15_plus', 'digital_signatures_personal', 'households_fibre', 'cultural_houses_fibre');

-- The operators' values were compared as rival measurements until now. Those comparisons are withdrawn, with the
-- reason in the audit trail (a steward's earlier decision stays readable there, in chosen_before).
with withdrawn as (
    update fact.reconciliation r
       set status = 'withdrawn', reason = 'parts of one total (sql/0015): combined, not compared', chosen = null,
           suggestion = null, decided_by = null, decided_at = null, changed_at = now()
      from fact.reconciliation old_r
     where old_r.reconciliation_id = r.reconciliation_id
       and r.status <> 'withdrawn'
       and r.measure in (select measure from fact.measure where kind = 'parts')
    returning r.reconciliation_id, old_r.status as status_before, old_r.chosen as chosen_before, r.candidates
)
insert into fact.reconciliation_event (reconciliation_id, at, actor, action, status_before, status_after, chosen_before,
                                       chosen_after, candidates, reason)
select reconciliation_id, now(), 'migration 0015', 'withdrawn', status_before, 'withdrawn', chosen_before, null, candidates,
       'parts of one total (sql/0015): combined, not compared'
  from withdrawn;

-- What blocks a level may now also be undetermined: a criterion whose bounds straddle its threshold.
alter table fact.level add column undetermined text[] not null default '{}';
comment on column fact.level.undetermined is 'Criteria applicable at level + 1 whose value is known only within bounds that straddle the threshold (neither met nor blocking).';
alter table fact.level_change add column old_undetermined text[];
alter table fact.level_change add column new_undetermined text[] not null default '{}';

-- The criterion function returns the bounds now: a function's result cannot change in place, so it is dropped with
-- the views over it; sql/repeatable/50-52 create them again in this transaction (a new warehouse has none yet: its
-- repeatables run after every numbered migration).
drop function if exists internal.criterion_inputs_qd2361(smallint, integer) cascade;
