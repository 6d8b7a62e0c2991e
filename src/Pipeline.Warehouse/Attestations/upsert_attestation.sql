-- Stores one attested value: a changed one keeps the previous value in fact.attestation_revision; an identical
-- re-import writes nothing. Returns 'new', 'changed' or 'unchanged'.
with previous as (
    select * from fact.attestation
     where framework = @framework and era = @era and unit_code = @unit_code and year = @year and criterion = @criterion
       for update
), kept as (
    insert into fact.attestation_revision
    select p.framework, p.era, p.unit_code, p.year, p.criterion, p.value, p.denominator, p.evidence_url, p.note, p.attested_by,
           p.attested_at, p.source_file, p.source_row, @now, @attested_by
      from previous p
     where (p.value, p.denominator, p.evidence_url, p.note) is distinct from (@value, @denominator, @evidence_url, @note)
    returning 1
), written as (
    insert into fact.attestation (framework, era, unit_code, year, criterion, value, denominator, evidence_url, note,
                                  attested_by, attested_at, source_file, source_row)
    values (@framework, @era, @unit_code, @year, @criterion, @value, @denominator, @evidence_url, @note,
            @attested_by, @now, @source_file, @source_row)
    on conflict (framework, era, unit_code, year, criterion) do update
       set value = excluded.value, denominator = excluded.denominator, evidence_url = excluded.evidence_url,
           note = excluded.note, attested_by = excluded.attested_by, attested_at = excluded.attested_at,
           source_file = excluded.source_file, source_row = excluded.source_row
     where (fact.attestation.value, fact.attestation.denominator, fact.attestation.evidence_url, fact.attestation.note)
           is distinct from (excluded.value, excluded.denominator, excluded.evidence_url, excluded.note)
    returning 1
)
select case when not exists (select 1 from previous) then 'new'
            when exists (select 1 from written) then 'changed'
            else 'unchanged' end;
