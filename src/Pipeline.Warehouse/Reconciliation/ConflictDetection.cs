using System.Diagnostics;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Pipeline.Core.Periods;

namespace Pipeline.Warehouse.Reconciliation;

/// <summary>
/// The job step after a load: compares the current facts of every measure the loaded source takes part in, for the
/// loaded period, and brings <c>fact.reconciliation</c> up to date (<see cref="ReconciliationPlan"/>), all in one
/// transaction. A transaction-level advisory lock per period serialises detectors of different sources that share a
/// measure (the portal's and EMC's jobs run on separate queues), and the stored rows are read <c>for update</c> so a
/// steward's decision is never overwritten by a plan made before it. A rerun on unchanged facts writes nothing.
/// </summary>
public sealed class ConflictDetection(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<ReconciliationReport> RunAsync(string source, string period, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rules = (await connection.QueryAsync<MeasureRow>(new CommandDefinition(
            SqlResources.Query("Reconciliation/read_measure_rules"), new { source }, transaction, cancellationToken: cancellationToken)))
            .Select(r => r.ToRule())
            .ToDictionary(r => r.Measure, StringComparer.Ordinal);
        if (rules.Count == 0)
        {
            return ReconciliationReport.Nothing(source, period, watch.Elapsed);
        }

        var measures = rules.Keys.ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            SqlResources.Query("Reconciliation/lock_period"), new { period }, transaction, cancellationToken: cancellationToken));
        var facts = (await connection.QueryAsync<CandidateRow>(new CommandDefinition(
            SqlResources.Query("Reconciliation/read_reconciliation_candidates"), new { period, measures }, transaction, cancellationToken: cancellationToken))).ToList();
        var stored = (await connection.QueryAsync<StoredRow>(new CommandDefinition(
            SqlResources.Query("Reconciliation/lock_reconciliations"), new { period, measures }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Key, r => r.ToStored());

        var changes = new List<ReconciliationChange>();
        var current = facts.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var key in current.Keys.Union(stored.Keys))
        {
            var rows = current.GetValueOrDefault(key) ?? [];
            var candidates = rows.Select(r => r.ToCandidate()).OrderBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.Stream, StringComparer.Ordinal).ToList();
            if (ReconciliationPlan.For(key, stored.GetValueOrDefault(key), candidates, rules[key.Measure]) is { } change)
            {
                changes.Add(change);
            }
        }

        if (changes.Count > 0)
        {
            await WriteAsync(connection, transaction, period, changes, cancellationToken);
        }

        var statuses = (await connection.QueryAsync<(string Status, int Rows)>(new CommandDefinition(
            SqlResources.Query("Reconciliation/reconciliation_status_counts"), new { period, measures }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(s => s.Status, s => s.Rows);
        await transaction.CommitAsync(cancellationToken);

        // The job's next steps and the stewards' queue read these rows at once (TableStatistics).
        await TableStatistics.RefreshAfterAsync(connection, "fact.reconciliation", changes.Count, cancellationToken);
        await TableStatistics.RefreshAfterAsync(connection, "fact.reconciliation_event", changes.Count, cancellationToken);
        return new ReconciliationReport(
            source,
            period,
            measures,
            Detected: changes.Count(c => c.Action == ReconciliationActions.Detected),
            Changed: changes.Count(c => c.Action == ReconciliationActions.ValuesChanged),
            Reopened: changes.Count(c => c.Action == ReconciliationActions.Reopened),
            Withdrawn: changes.Count(c => c.Action == ReconciliationActions.Withdrawn),
            statuses,
            watch.Elapsed);
    }

    private async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string period, List<ReconciliationChange> changes, CancellationToken ct)
    {
        var dates = Period.Parse(period);
        await connection.ExecuteAsync(new CommandDefinition(SqlResources.Query("Reconciliation/create_reconciliation_staging"), transaction: transaction, cancellationToken: ct));
        await BinaryCopy.RowsAsync(
            connection,
            "copy stage_reconciliation (reconciliation_id, era, unit_code, measure, period_start, period_end, action, status_before, chosen_before, "
                + "status, reason, candidates, spread, relative_spread, suggestion, chosen) from stdin (format binary)",
            changes,
            (w, c) =>
            {
                var j = c.Judgement;
                BinaryCopy.WriteNullable(w, c.ReconciliationId, NpgsqlDbType.Bigint);
                w.Write(c.Key.Era, NpgsqlDbType.Smallint);
                w.Write(c.Key.UnitCode, NpgsqlDbType.Text);
                w.Write(c.Key.Measure, NpgsqlDbType.Text);
                w.Write(dates.Start, NpgsqlDbType.Date);
                w.Write(dates.End, NpgsqlDbType.Date);
                w.Write(c.Action, NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, c.StatusBefore);
                WriteJson(w, c.ChosenBefore);
                w.Write(j.Status, NpgsqlDbType.Text);
                w.Write(j.Reason, NpgsqlDbType.Text);
                w.Write(CandidateJson.Write(c.Candidates), NpgsqlDbType.Jsonb);
                w.Write(j.Spread, NpgsqlDbType.Numeric);
                BinaryCopy.WriteNullable(w, j.RelativeSpread, NpgsqlDbType.Numeric);
                WriteJson(w, j.Suggestion);
                WriteJson(w, j.Chosen);
            },
            ct);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlResources.Query("Reconciliation/merge_reconciliations"),
            new { period, now = clock.GetUtcNow(), note = (string?)null },
            transaction,
            cancellationToken: ct));
    }

    private static void WriteJson(NpgsqlBinaryImporter writer, Candidate? candidate)
    {
        if (candidate is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(CandidateJson.Write(candidate), NpgsqlDbType.Jsonb);
        }
    }

    // The source order comes as comma-separated text: Dapper's record mapping sees a text[] column as System.Array.
    private sealed record MeasureRow(string Measure, decimal AbsoluteTolerance, decimal RelativeTolerance, string Policy, string SourceOrder, decimal? StewardAbove)
    {
        public MeasureRule ToRule() =>
            new(Measure, AbsoluteTolerance, RelativeTolerance, Policy, SourceOrder.Split(',', StringSplitOptions.RemoveEmptyEntries), StewardAbove);
    }

    private sealed record CandidateRow(
        short Era, string UnitCode, string Measure, string Source, string Stream, string Indicator,
        decimal? Numerator, decimal? Denominator, decimal? Value, string ValueUnit, bool Complete, bool Simulated, int Revision)
    {
        public UnitMeasure Key => new(Era, UnitCode, Measure);

        public Candidate ToCandidate() => new(Source, Stream, Indicator, Numerator, Denominator, Value, ValueUnit, Complete, Simulated, Revision);
    }

    private sealed record StoredRow(long ReconciliationId, short Era, string UnitCode, string Measure, string Status, string Candidates, string? Chosen)
    {
        public UnitMeasure Key => new(Era, UnitCode, Measure);

        public StoredReconciliation ToStored() => new(ReconciliationId, Status, CandidateJson.ReadList(Candidates), CandidateJson.ReadOne(Chosen));
    }
}
