using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Tests.Support;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Warehouse.Levels;
using Pipeline.Warehouse.Reconciliation;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Facts;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Reliability;

/// <summary>
/// Reliability scenario 9: "a source restates a past month: only the affected rows and levels change, and the change
/// is audited." A source gives dossiers handled fully online (a flow: the year sums its months, X.CQS.02) for three
/// communes in September, October and November; the year is evaluated. Then it restates October for one commune, and
/// the nightly job's steps after the pull run as PullJob runs them: load the period, detect conflicts, evaluate the
/// year because the load revised a fact. Only that fact and that commune's level are rewritten (each row's xmin
/// shows any write), the fact's previous value is kept in fact.value_revision and the level's in fact.level_change.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class RestatementTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    private static readonly SourceDescriptor Source = FactsFromRecords.CodeSource("restating");
    private static readonly Period[] Months = [Period.Month(2025, 9), Period.Month(2025, 10), Period.Month(2025, 11)];
    private static readonly string[] Communes = ["00004", "00008", "21025"];

    private NpgsqlDataSource Db => loaded.DataSource;

    public Task InitializeAsync() => loaded.LoadIntoAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ARestatedPastMonth_RewritesOnlyItsFact_AndTheLevelItMoves_BothAudited()
    {
        var levels = new CommuneLevels(Db, AdminUnitFiles.Read(AdminUnitsCopy.Original), TimeProvider.System);
        foreach (var month in Months)
        {
            // 30 of 100 dossiers fully online each month: 30% for the year, level 2's cell of X.CQS.02 but not level 3's 50%.
            await FactsFromRecords.PullAsync(Db, Source, month, [.. Communes.Select(c => Dossiers(c, 30))]);
            await FactsFromRecords.LoadAsync(Db, Source, month);
        }

        Assert.Equal(3, (await levels.EvaluateAsync(Era.Y2025, 2025, default)).Changed);
        var factsBefore = await WritesAsync("select unit_code || ' ' || period, xmin::text from fact.value where source = 'restating'");
        var levelsBefore = await WritesAsync("select unit_code, xmin::text from fact.level where framework = 'qd2361' and year = 2025");

        // October restated for 00004 only: 90 of 100, so the year is 150 of 300 = 50%.
        await FactsFromRecords.PullAsync(Db, Source, Months[1], Dossiers("00004", 90), Dossiers("00008", 30), Dossiers("21025", 30));
        var load = await FactsFromRecords.LoadAsync(Db, Source, Months[1]);
        var conflicts = await new ConflictDetection(Db, TimeProvider.System).RunAsync(Source.Name, Months[1].ToString(), default);
        Assert.Equal((1, 0, 0, 2), (load.Revised, load.Inserted, load.Withdrawn, load.Unchanged));
        Assert.Empty(conflicts.Measures);
        var evaluated = await levels.EvaluateAsync(Era.Y2025, 2025, default);

        Assert.Equal(1, evaluated.Changed);
        Assert.Equal(["00004 2025-10"], Changed(factsBefore, await WritesAsync("select unit_code || ' ' || period, xmin::text from fact.value where source = 'restating'")));
        Assert.Equal(["00004"], Changed(levelsBefore, await WritesAsync("select unit_code, xmin::text from fact.level where framework = 'qd2361' and year = 2025")));

        await using var connection = await Db.OpenConnectionAsync();
        Assert.Equal(
            [("00004", "2025-10", 30m, 1, "revised", load.LoadRunId)],
            (await connection.QueryAsync<(string, string, decimal, int, string, long)>(
                "select unit_code, period, numerator, revision, change, replaced_by_run from fact.value_revision where source = 'restating'")).ToList());
        Assert.Equal((90m, 2), await connection.QuerySingleAsync<(decimal, int)>(
            "select numerator, revision from fact.value where source = 'restating' and unit_code = '00004' and period = '2025-10'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from intake.record_revision where source = 'restating'"));
        var audit = (await connection.QueryAsync<(string Unit, int? Old, int New)>(
            "select unit_code, old_attainable_level, new_attainable_level from fact.level_change where framework = 'qd2361' and year = 2025 and old_level is not null")).ToList();
        Assert.Equal([("00004", 2, 3)], audit);
    }

    private static SourceRecord Dossiers(string commune, decimal fullyOnline) =>
        FactsFromRecords.Record(commune, fullyOnline, 100, indicator: "dossiers_fully_online");

    private async Task<Dictionary<string, string>> WritesAsync(string sql)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return (await connection.QueryAsync<(string Key, string Xmin)>(sql)).ToDictionary(r => r.Key, r => r.Xmin);
    }

    private static List<string> Changed(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        return [.. after.Where(a => before[a.Key] != a.Value).Select(a => a.Key).Order()];
    }
}
