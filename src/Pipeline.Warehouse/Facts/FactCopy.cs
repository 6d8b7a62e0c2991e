using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// The facts of a period that has none yet, binary-COPied straight into fact.value inside the caller's transaction:
/// with nothing to compare them with, staging them and merging would write every row twice. The primary key still
/// refuses a key given twice, and the whole COPY goes with the transaction if anything fails.
/// </summary>
internal static class FactCopy
{
    private const string Command =
        $"copy fact.value ({FactRow.Columns}, source, period, period_start, period_end, load_run_id, loaded_at) from stdin (format binary)";

    public static Task IntoValueAsync(
        NpgsqlConnection connection, string source, Period period, long loadRunId, DateTimeOffset now, IEnumerable<Fact> facts, CancellationToken ct)
    {
        // The load's own columns are the same in every row: encoded once, copied into each.
        var load = new BinaryCopyRows();
        load.Text(source);
        load.Text(period.ToString());
        load.Date(period.Start);
        load.Date(period.End);
        load.Bigint(loadRunId);
        load.TimestampTz(now);
        var loadFields = load.Written;
        return BinaryCopy.RawRowsAsync(
            connection,
            Command,
            facts,
            (row, f) =>
            {
                row.StartRow(FactRow.ColumnCount + 6);
                FactRow.Write(row, f);
                row.Encoded(loadFields.Span);
            },
            ct);
    }
}
