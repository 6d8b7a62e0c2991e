using Npgsql;
using NpgsqlTypes;
using Pipeline.Intake;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>Binary COPY of one load's facts, quarantined records and label mappings into the staging tables of create_fact_staging.sql.</summary>
internal static class FactStaging
{
    private const NpgsqlDbType TextArray = NpgsqlDbType.Array | NpgsqlDbType.Text;

    public static async Task CopyAsync(NpgsqlConnection connection, Assembled assembled, CancellationToken ct)
    {
        await CopyFactsAsync(connection, assembled.Facts, ct);

        await BinaryCopy.RowsAsync(
            connection,
            "copy stage_fact_quarantine (stream, unit_key_kind, unit_key, unit_label, indicator, reason, detail, candidates, payload_id, record_ref) from stdin (format binary)",
            assembled.Quarantined,
            (w, q) =>
            {
                w.Write(q.Row.Stream, NpgsqlDbType.Text);
                w.Write(q.Row.Unit.Kind.ToText(), NpgsqlDbType.Text);
                w.Write(q.Row.Unit.Value, NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, q.Row.Unit.Label);
                w.Write(q.Row.Indicator, NpgsqlDbType.Text);
                w.Write(q.Reason, NpgsqlDbType.Text);
                w.Write(q.Detail, NpgsqlDbType.Text);
                w.Write(q.Candidates.ToArray(), TextArray);
                w.Write(q.Row.PayloadId, NpgsqlDbType.Bigint);
                w.Write(q.Row.RecordRef, NpgsqlDbType.Text);
            },
            ct);

        await BinaryCopy.RowsAsync(
            connection,
            "copy stage_label_mapping (unit_key_kind, unit_key, era, unit_code, label) from stdin (format binary)",
            assembled.LabelMappings,
            (w, m) =>
            {
                w.Write(m.KeyKind.ToText(), NpgsqlDbType.Text);
                w.Write(m.Key, NpgsqlDbType.Text);
                w.Write((short)m.Era, NpgsqlDbType.Smallint);
                w.Write(m.Code, NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, m.Label);
            },
            ct);
    }

    /// <summary>The facts alone, streamed: rows go to the server as the enumeration yields them.</summary>
    public static async Task CopyFactsAsync(NpgsqlConnection connection, IEnumerable<Fact> facts, CancellationToken ct)
    {
        await BinaryCopy.RowsAsync(
            connection,
            "copy stage_fact (stream, era, unit_code, indicator, numerator, denominator, value, value_unit, complete, simulated, unit_keys, record_refs, intake_run_id) from stdin (format binary)",
            facts,
            (w, f) =>
            {
                w.Write(f.Stream, NpgsqlDbType.Text);
                w.Write((short)f.Era, NpgsqlDbType.Smallint);
                w.Write(f.UnitCode, NpgsqlDbType.Text);
                w.Write(f.Indicator, NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, f.Numerator, NpgsqlDbType.Numeric);
                BinaryCopy.WriteNullable(w, f.Denominator, NpgsqlDbType.Numeric);
                BinaryCopy.WriteNullable(w, f.Value, NpgsqlDbType.Numeric);
                w.Write(f.ValueUnit.ToText(), NpgsqlDbType.Text);
                w.Write(f.Complete, NpgsqlDbType.Boolean);
                w.Write(f.Simulated, NpgsqlDbType.Boolean);
                w.Write(f.UnitKeys.ToArray(), TextArray);
                w.Write(f.RecordRefs.ToArray(), TextArray);
                w.Write(f.IntakeRunId, NpgsqlDbType.Bigint);
            },
            ct);
    }
}
