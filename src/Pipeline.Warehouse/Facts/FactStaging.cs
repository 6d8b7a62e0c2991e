using Npgsql;
using NpgsqlTypes;
using Pipeline.Intake;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// Binary COPY of one load's rows into the staging tables: the facts into stage_fact (create_fact_staging.sql) when
/// the period has facts to compare them with, the quarantined records and label mappings into the tables of
/// create_load_staging.sql.
/// </summary>
internal static class FactStaging
{
    private const NpgsqlDbType TextArray = NpgsqlDbType.Array | NpgsqlDbType.Text;

    /// <summary>The facts, streamed: rows go to the server as the enumeration yields them.</summary>
    public static Task CopyFactsAsync(NpgsqlConnection connection, IEnumerable<Fact> facts, CancellationToken ct) =>
        BinaryCopy.RawRowsAsync(connection, $"copy stage_fact ({FactRow.Columns}) from stdin (format binary)", facts, (row, f) =>
        {
            row.StartRow(FactRow.ColumnCount);
            FactRow.Write(row, f);
        }, ct);

    public static async Task CopyRecordsAsync(NpgsqlConnection connection, Assembled assembled, CancellationToken ct)
    {
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
}
