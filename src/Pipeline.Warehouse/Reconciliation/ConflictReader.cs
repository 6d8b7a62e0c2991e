using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Reconciliation;

/// <summary>Conflicts as stewards read them, for the CLI, the web API and the steward page alike.</summary>
public sealed class ConflictReader(NpgsqlDataSource dataSource)
{
    /// <summary>Conflicts (settled, open and resolved, or one status, or "all" rows), filtered, newest period first.</summary>
    public async Task<IReadOnlyList<ConflictListItem>> ListAsync(ConflictFilter filter, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<ConflictListItem>(new CommandDefinition(
            SqlResources.Query("Reconciliation/list_conflicts"),
            new { status = filter.Status, province = filter.Province, measure = filter.Measure, period = filter.Period, limit = filter.Limit },
            cancellationToken: ct))];
    }

    /// <summary>Every conflict as a table, columns as the query names them (the demo's conflicts.csv).</summary>
    public Task ExportAsync(ITableSink sink, CancellationToken ct) =>
        TableExport.ExportAsync(
            dataSource,
            "Reconciliation/list_conflicts",
            new { status = (string?)null, province = (string?)null, measure = (string?)null, period = (string?)null, limit = 1_000_000 },
            sink,
            ct);

    /// <summary>Values compared across sources per measure and period: how many agreed, and how the conflicts stand.</summary>
    public async Task<IReadOnlyList<ConflictCounts>> SummaryAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<ConflictCounts>(new CommandDefinition(SqlResources.Query("Reconciliation/conflict_summary"), cancellationToken: ct))];
    }

    /// <summary>The provinces, measures and periods that have conflicts (for filters), as (kind, code, name).</summary>
    public async Task<IReadOnlyList<ConflictFilterOption>> FilterOptionsAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<ConflictFilterOption>(new CommandDefinition(SqlResources.Query("Reconciliation/conflict_filters"), cancellationToken: ct))];
    }

    /// <summary>One conflict with every source's value, the policy's suggestion, the decision, the audit trail and the sources' earlier values; null when there is none.</summary>
    public async Task<ConflictDetail?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ConflictRow>(new CommandDefinition(SqlResources.Query("Reconciliation/read_conflict"), new { id }, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        var events = await connection.QueryAsync<EventRow>(new CommandDefinition(SqlResources.Query("Reconciliation/conflict_events"), new { id }, cancellationToken: ct));
        var revisions = await connection.QueryAsync<SourceRevision>(new CommandDefinition(SqlResources.Query("Reconciliation/conflict_source_revisions"), new { id }, cancellationToken: ct));
        return new ConflictDetail(
            row.Id,
            row.Era,
            row.UnitCode,
            row.UnitName,
            row.ProvinceCode,
            row.ProvinceName,
            row.Measure,
            row.MeasureTitle,
            row.Period,
            row.Status,
            row.Reason,
            row.Spread,
            row.RelativeSpread,
            CandidateJson.ReadList(row.Candidates),
            CandidateJson.ReadOne(row.Suggestion),
            CandidateJson.ReadOne(row.Chosen),
            row.DecidedBy,
            row.DecidedAt,
            row.DecisionNote,
            row.EvidenceUrl,
            row.FirstSeenAt,
            row.ChangedAt,
            [.. events.Select(e => new ConflictEvent(
                e.EventId, e.At, e.Actor, e.Action, e.StatusBefore, e.StatusAfter, CandidateJson.ReadOne(e.ChosenBefore), CandidateJson.ReadOne(e.ChosenAfter),
                CandidateJson.ReadList(e.Candidates), e.Reason, e.Note, e.EvidenceUrl))],
            [.. revisions]);
    }

    private sealed record ConflictRow(
        long Id, short Era, string UnitCode, string UnitName, string ProvinceCode, string ProvinceName, string Measure, string MeasureTitle,
        string Period, string Status, string Reason, decimal Spread, decimal? RelativeSpread, string Candidates, string? Suggestion, string? Chosen,
        string? DecidedBy, DateTime? DecidedAt, string? DecisionNote, string? EvidenceUrl, DateTime FirstSeenAt, DateTime ChangedAt);

    private sealed record EventRow(
        long EventId, DateTime At, string Actor, string Action, string? StatusBefore, string StatusAfter, string? ChosenBefore, string? ChosenAfter,
        string Candidates, string Reason, string? Note, string? EvidenceUrl);
}

/// <param name="Status">null: the conflicts (settled, open and resolved rows); else only rows of this status (agreed and withdrawn too).</param>
/// <param name="Province">A province code of the row's era.</param>
public sealed record ConflictFilter(string? Status = null, string? Province = null, string? Measure = null, string? Period = null, int Limit = 200);

/// <summary>A value a filter can take: kind "province", "measure" or "period", its code and its name.</summary>
/// <summary>Compared values of one measure and period by status.</summary>
public sealed record ConflictCounts(string Measure, string Period, int Agreed, int Settled, int Open, int Resolved, int Withdrawn);

public sealed record ConflictFilterOption(string Kind, string Code, string Name);

/// <summary>A conflict in a list: where, what, how far apart, each source's value as text ("emc/dossier-stats=812; ..."), whether any is simulated.</summary>
public sealed record ConflictListItem(
    long Id, short Era, string UnitCode, string UnitName, string ProvinceCode, string ProvinceName, string Measure, string Period, string Status,
    string Reason, decimal Spread, decimal? RelativeSpread, string SourceValues, bool Simulated, string? Suggestion, string? Chosen, string? DecidedBy,
    string? DecisionNote, string? EvidenceUrl, DateTime ChangedAt);

/// <summary>Everything a steward needs to decide one conflict.</summary>
public sealed record ConflictDetail(
    long Id, short Era, string UnitCode, string UnitName, string ProvinceCode, string ProvinceName, string Measure, string MeasureTitle,
    string Period, string Status, string Reason, decimal Spread, decimal? RelativeSpread, IReadOnlyList<Candidate> Candidates,
    Candidate? Suggestion, Candidate? Chosen, string? DecidedBy, DateTime? DecidedAt, string? DecisionNote, string? EvidenceUrl,
    DateTime FirstSeenAt, DateTime ChangedAt, IReadOnlyList<ConflictEvent> History, IReadOnlyList<SourceRevision> SourceRevisions);

/// <summary>One entry of a conflict's audit trail.</summary>
public sealed record ConflictEvent(
    long EventId, DateTime At, string Actor, string Action, string? StatusBefore, string StatusAfter, Candidate? ChosenBefore,
    Candidate? ChosenAfter, IReadOnlyList<Candidate> Candidates, string Reason, string? Note, string? EvidenceUrl);

/// <summary>An earlier value a source gave (revised or withdrawn), from <c>fact.value_revision</c>.</summary>
public sealed record SourceRevision(
    string Source, string Stream, string Indicator, int Revision, decimal? Numerator, decimal? Denominator, decimal? Value, string Change,
    DateTime LoadedAt, long ReplacedByRun);
