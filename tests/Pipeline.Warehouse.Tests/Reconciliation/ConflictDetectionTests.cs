using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Intake;
using Pipeline.Warehouse.Reconciliation;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Facts;
using Pipeline.Warehouse.Tests.Support;
using static Pipeline.Warehouse.Tests.Facts.FactsFromRecords;

namespace Pipeline.Warehouse.Tests.Reconciliation;

/// <summary>
/// Conflict detection after loads, on a real PostgreSQL. Each test has its own two sources and its own measure (rows of
/// fact.measure and fact.measure_member, as a province would add them), so tests sharing the database never meet.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class ConflictDetectionTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    private static readonly Period November = Period.Month(2025, 11);

    private NpgsqlDataSource Db => loaded.DataSource;

    public Task InitializeAsync() => loaded.LoadIntoAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AfterLoads_ValuesAgreeSettleOrWait_AndARerunWritesNothing()
    {
        var (a, b, measure) = await MeasureAsync("detect");
        await LoadAsync(a, Record("00004", 100, null), Record("00025", 100, null), Record("00008", 100, null), Record("00382", 100, null));
        await LoadAsync(b, Record("00004", 103, null), Record("00025", 80, null), Record("00008", 50, null));

        var first = await DetectAsync(a);
        var checksum = await ChecksumAsync(measure);
        var rerun = await DetectAsync(b);

        Assert.Equal((3, 1, 1, 1), (first.Detected, first.Count("agreed"), first.Count("settled"), first.Count("open")));
        Assert.Equal((0, 0, 0), (rerun.Detected, rerun.Changed, rerun.Reopened));
        Assert.Equal(checksum, await ChecksumAsync(measure));
        var rows = await RowsAsync(measure);
        Assert.Equal(
            [
                ("00004", "agreed", "within_tolerance", a.Name, a.Name),
                ("00008", "open", "beyond_steward_threshold", a.Name, null),
                ("00025", "settled", "source_order", a.Name, a.Name),
            ],
            rows);
        await using var connection = await Db.OpenConnectionAsync();
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>(
            "select count(*) from fact.reconciliation_event e join fact.reconciliation r using (reconciliation_id) where r.measure = @measure and e.action = 'detected' and e.actor = 'pipeline'",
            new { measure }));
    }

    [Fact]
    public async Task ARevisionIsJudgedAgain_AndAWithdrawnValueWithdrawsTheComparison()
    {
        var (a, b, measure) = await MeasureAsync("revise");
        await LoadAsync(a, Record("00004", 100, null), Record("00025", 100, null));
        await LoadAsync(b, Record("00004", 80, null), Record("00025", 80, null));
        await DetectAsync(b);

        // b restates 00004 close to a, and now files its 00025 figure under a code that does not exist (quarantined,
        // so b's fact for 00025 is withdrawn).
        await using (var connection = await Db.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update intake.record set unit_key = '99998' where source = @s and unit_key = '00025'", new { s = b.Name });
        }

        await LoadAsync(b, Record("00004", 99, null));
        var report = await DetectAsync(b);

        Assert.Equal((1, 1), (report.Changed, report.Withdrawn));
        Assert.Equal(
            [("00004", "agreed", "within_tolerance", a.Name, a.Name), ("00025", "withdrawn", "fewer_than_two_values", null, null)],
            await RowsAsync(measure));
        await using var check = await Db.OpenConnectionAsync();
        var events = (await check.QueryAsync<(string Unit, string Action, string? Before, string After)>(
            """
            select r.unit_code, e.action, e.status_before, e.status_after
              from fact.reconciliation_event e join fact.reconciliation r using (reconciliation_id)
             where r.measure = @measure order by r.unit_code, e.event_id
            """,
            new { measure })).ToList();
        Assert.Equal(
            [
                ("00004", "detected", null, "settled"),
                ("00004", "values_changed", "settled", "agreed"),
                ("00025", "detected", null, "settled"),
                ("00025", "withdrawn", "settled", "withdrawn"),
            ],
            events);
    }

    [Fact]
    public async Task ARevisedValueUnderAStewardDecision_ReopensTheConflict_KeepingTheDecisionInTheAudit()
    {
        var (a, b, measure) = await MeasureAsync("reopen");
        await LoadAsync(a, Record("00004", 100, null));
        await LoadAsync(b, Record("00004", 50, null));
        await DetectAsync(b);
        await using var connection = await Db.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<long>("select reconciliation_id from fact.reconciliation where measure = @measure", new { measure });
        await new StewardDecisions(Db, TimeProvider.System).AcceptAsync(id, $"{b.Name}/s", "steward-test", "b counted the register by hand", null, default);
        var decided = await ResolvedAsync(connection, id);

        await LoadAsync(b, Record("00004", 60, null));
        var report = await DetectAsync(b);

        Assert.Equal(("steward_accepted", b.Name, 50m), decided);
        Assert.Equal(1, report.Reopened);
        Assert.Equal(("open", "source_revised", null, null), await connection.QuerySingleAsync<(string, string, string?, string?)>(
            "select status, reason, decided_by, chosen::text from fact.reconciliation where reconciliation_id = @id", new { id }));
        Assert.Equal(("pending_steward", null, null), await ResolvedAsync(connection, id));
        var trail = (await connection.QueryAsync<(string Actor, string Action, string? ChosenBefore, string? ChosenAfter)>(
            """
            select actor, action, chosen_before ->> 'numerator', chosen_after ->> 'numerator'
              from fact.reconciliation_event where reconciliation_id = @id order by event_id
            """,
            new { id })).ToList();
        Assert.Equal([("pipeline", "detected", null, null), ("steward-test", "accepted", null, "50"), ("pipeline", "reopened", "50", null)], trail);
    }

    private async Task<(SourceDescriptor A, SourceDescriptor B, string Measure)> MeasureAsync(string test)
    {
        var (a, b, measure) = (CodeSource($"cd_{test}_a"), CodeSource($"cd_{test}_b"), $"cd_{test}");
        await using var connection = await Db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into fact.measure (measure, title, absolute_tolerance, relative_tolerance, policy, source_order, steward_above, note)
            values (@measure, 'test measure', 5, 0.05, 'ordered_sources', array[@a, @b], 0.25, 'test');
            insert into fact.measure_member (source, indicator, measure) values (@a, 'households_fibre', @measure), (@b, 'households_fibre', @measure);
            """,
            new { measure, a = a.Name, b = b.Name });
        return (a, b, measure);
    }

    private async Task LoadAsync(SourceDescriptor source, params SourceRecord[] records)
    {
        await PullAsync(Db, source, November, records);
        Assert.Equal("succeeded", (await FactsFromRecords.LoadAsync(Db, source, November)).Status);
    }

    private Task<ReconciliationReport> DetectAsync(SourceDescriptor source) =>
        new ConflictDetection(Db, TimeProvider.System).RunAsync(source.Name, November.ToString(), default);

    private async Task<List<(string Unit, string Status, string Reason, string? Suggested, string? Chosen)>> RowsAsync(string measure)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return [.. await connection.QueryAsync<(string, string, string, string?, string?)>(
            "select unit_code, status, reason, suggestion ->> 'source', chosen ->> 'source' from fact.reconciliation where measure = @measure order by unit_code",
            new { measure })];
    }

    private static Task<(string Origin, string? Source, decimal? Numerator)> ResolvedAsync(NpgsqlConnection connection, long id) =>
        connection.QuerySingleAsync<(string, string?, decimal?)>(
            "select origin, source, numerator from analytics.resolved_values where reconciliation_id = @id", new { id });

    private async Task<string> ChecksumAsync(string measure)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>(
            """
            select count(*) || ':' || md5(string_agg(t::text, '|' order by t.reconciliation_id))
              from (select r.*, (select count(*) from fact.reconciliation_event e where e.reconciliation_id = r.reconciliation_id) as events
                      from fact.reconciliation r where r.measure = @measure) t
            """,
            new { measure }) ?? "";
    }
}
