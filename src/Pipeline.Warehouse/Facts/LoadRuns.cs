using Dapper;
using Npgsql;
using Pipeline.Core.Periods;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// A load's bookkeeping, shared by <see cref="FactLoader"/> and <see cref="FactBulkMerge"/>: the session advisory lock
/// on (source, period) that makes loads of one period take turns, and the load's fact.load_run row, opened before the
/// load's transaction (so a load that dies stays visible, marked abandoned by the next) and closed inside it.
/// </summary>
internal static class LoadRuns
{
    /// <summary>Takes the (source, period)'s lock, then opens the run: opening marks the period's running loads abandoned.</summary>
    public static async Task<long> BeginAsync(NpgsqlConnection connection, string source, Period period, DateTimeOffset now, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            SqlResources.Query("Facts/lock_load"), new { key = $"{source}/{period}" }, cancellationToken: ct));
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SqlResources.Query("Facts/begin_load_run"), new { source, period = period.ToString(), now }, cancellationToken: ct));
    }

    /// <summary>Records how the load ended (inside its transaction when it succeeded, on its own when it failed).</summary>
    public static async Task<LoadReport> FinishAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        long loadRunId,
        string status,
        string? error,
        DateTimeOffset now,
        LoadCounts counts,
        byte[]? digest,
        CancellationToken ct)
    {
        var row = await connection.QuerySingleAsync<LoadRunRow>(new CommandDefinition(
            SqlResources.Query("Facts/finish_load_run"),
            new
            {
                load_run_id = loadRunId,
                status,
                error,
                now,
                rows_read = counts.RowsRead,
                inserted = counts.Inserted,
                unchanged = counts.Unchanged,
                revised = counts.Revised,
                withdrawn = counts.Withdrawn,
                quarantined = counts.Quarantined,
                released = counts.Released,
                facts_digest = digest,
            },
            transaction,
            cancellationToken: ct));
        return new LoadReport(
            row.LoadRunId, row.Source, row.Period, row.Status, row.Error, row.RowsRead, row.FactsInserted, row.FactsUnchanged,
            row.FactsRevised, row.FactsWithdrawn, row.Quarantined, row.Released, row.Duration);
    }

    /// <summary>A pooled connection keeps session locks until it is reused: the load releases its lock when it ends.</summary>
    public static async Task ReleaseAsync(NpgsqlConnection connection)
    {
        if (connection.State == System.Data.ConnectionState.Open)
        {
            await connection.ExecuteAsync(SqlResources.Query("release_session_locks"));
        }
    }

    private sealed record LoadRunRow(
        long LoadRunId, string Source, string Period, string Status, string? Error, int RowsRead, int FactsInserted,
        int FactsUnchanged, int FactsRevised, int FactsWithdrawn, int Quarantined, int Released, TimeSpan Duration);
}

/// <summary>What a load counted so far, as fact.load_run stores it (filled in as the load goes).</summary>
internal sealed class LoadCounts
{
    public int RowsRead { get; set; }

    public int Inserted { get; set; }

    public int Unchanged { get; set; }

    public int Revised { get; set; }

    public int Withdrawn { get; set; }

    public int Quarantined { get; set; }

    public int Released { get; set; }

    /// <summary>The facts' part, from what the writer did.</summary>
    public void SetFacts(FactMergeCounts facts)
    {
        Inserted = facts.Inserted;
        Revised = facts.Revised;
        Withdrawn = facts.Withdrawn;
        Unchanged = facts.Staged - facts.Inserted - facts.Revised;
    }
}
