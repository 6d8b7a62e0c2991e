using System.Globalization;
using Dapper;
using Pipeline.Cli.Tests.Support;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Cli.Tests.Demo;

/// <summary>
/// The README's first command, end to end on a fresh database, with the simulators publishing two provinces (Hà Nội
/// and Quảng Ngãi) so the test takes seconds: what a newcomer sees must work, and running it again must change nothing.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class DemoCommandTests(PostgresServer server)
{
    [Fact]
    public async Task Demo_PullsLoadsDetectsConflictsAndEvaluates_AndARerunChangesNothing()
    {
        var warehouse = await server.CreateDatabaseConnectionStringAsync("demo");
        await using var db = WarehouseDataSource.Create(warehouse);
        var outDirectory = Directory.CreateTempSubdirectory("pipeline-demo-").FullName;
        string[] demo = ["demo", "--out", outDirectory, "--province", "01", "--province", "51"];

        var (exit, output, error) = await CliRun.RunWithWarehouseAsync(warehouse, demo);

        Assert.True(exit == 0, $"demo exited {exit}: {error}");
        Assert.Contains("SIMULATED", output);
        Assert.Contains("Conflicts between sources", output);
        await using var connection = await db.OpenConnectionAsync();
        var communes = await connection.ExecuteScalarAsync<int>(
            "select count(*) from ref.admin_unit where era = 2025 and level = 'commune' and province_code in ('01', '51')");
        var levels = await File.ReadAllLinesAsync(Path.Combine(outDirectory, "qd2361_levels_2025.csv"));
        // The operators' counts are parts of one total, combined into bounds: the files carry them as evaluate does.
        Assert.Equal("unit_code,scope,level,attainable_level,blocking,missing,undetermined", levels[0]);
        Assert.StartsWith("unit_code,criterion,value,denominator,low,high", (await File.ReadAllLinesAsync(Path.Combine(outDirectory, "qd2361_inputs_2025.csv")))[0], StringComparison.Ordinal);
        Assert.Equal(communes, levels.Length - 1);
        Assert.Equal(communes, await connection.ExecuteScalarAsync<int>("select count(*) from fact.level where framework = 'qd2361' and year = 2025"));

        // The stored levels are what `evaluate` gives on the stored inputs.
        var reproduced = Path.Combine(outDirectory, "reproduced.csv");
        var (evaluated, _, evaluateError) = await CliRun.RunAsync(
            "evaluate", "--framework", "qd2361", "--era", "2025", "--values", Path.Combine(outDirectory, "qd2361_inputs_2025.csv"), "--out", reproduced);
        Assert.True(evaluated == 0, evaluateError);
        Assert.Equal(levels.Order(StringComparer.Ordinal), (await File.ReadAllLinesAsync(reproduced)).Order(StringComparer.Ordinal));

        Assert.Equal(6, await connection.ExecuteScalarAsync<long>("select count(distinct source) from fact.load_run where status = 'succeeded'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from intake.run where status <> 'succeeded'"));
        Assert.True(await connection.ExecuteScalarAsync<bool>("select bool_and(simulated) from fact.value"));

        // Portal and EMC disagree on a few communes, the operators on all of them: conflicts are found and listed.
        var conflicts = await connection.ExecuteScalarAsync<int>("select count(*) from fact.reconciliation where status in ('settled', 'open')");
        Assert.True(conflicts > 0, "the simulated sources disagree somewhere");
        Assert.Equal(conflicts + 1, (await File.ReadAllLinesAsync(Path.Combine(outDirectory, "conflicts.csv"))).Length);
        foreach (var file in new[] { "runs.csv", "quarantine.csv", "quarantine_pull.csv", "levels_report_2025.html", "levels_by_province_2025.csv" })
        {
            Assert.True(File.Exists(Path.Combine(outDirectory, file)), file);
        }

        // History: the operators' 2024 quarters (2024 codes) give a 2024 year on both maps, rebased onto 2025 communes
        // for the trend, and on the 2024 map per commune and district.
        Assert.Contains("History for the trend on 2025 communes: telecom 2024-Q1, telecom 2024-Q2, telecom 2024-Q3, telecom 2024-Q4", output);
        var evaluations = (await connection.QueryAsync<(short Era, int Year, string Level, int Units)>(
            """
            select l.era, l.year, u.level, count(*)::int from fact.level l join ref.admin_unit u on u.era = l.era and u.code = l.unit_code
             group by 1, 2, 3 order by 1, 2, 3
            """)).ToList();
        Assert.Equal([(2024, 2024, "commune"), (2024, 2024, "district"), (2025, 2024, "commune"), (2025, 2025, "commune")], evaluations.Select(e => ((int)e.Era, e.Year, e.Level)));
        var districts = await connection.ExecuteScalarAsync<int>(
            "select count(distinct district_code) from ref.admin_unit u join fact.level l on l.era = u.era and l.unit_code = u.code where u.era = 2024 and u.level = 'commune'");
        Assert.Equal(districts, evaluations[1].Units);
        var trendYears = (await File.ReadAllLinesAsync(Path.Combine(outDirectory, "levels_trend.csv"))).Skip(1).Select(l => l.Split(',')[1]).Distinct();
        Assert.Equal(["2024", "2025"], trendYears);
        Assert.True(File.Exists(Path.Combine(outDirectory, "levels_report_2024_2024_units.html")));

        // Again: nothing new is fetched, loaded, detected or evaluated.
        var before = await StateAsync(connection);
        var (again, _, againError) = await CliRun.RunWithWarehouseAsync(warehouse, demo);
        Assert.True(again == 0, againError);
        Assert.Equal(before, await StateAsync(connection));

        // A steward works the queue from the command line: an override without evidence is refused, an accept is
        // recorded and the year's levels are evaluated again.
        var id = await connection.ExecuteScalarAsync<long>("select min(reconciliation_id) from fact.reconciliation where status = 'open'");
        var (listed, queue, _) = await CliRun.RunWithWarehouseAsync(warehouse, "conflicts", "list", "--status", "open", "--province", "01");
        var (refused, _, refusal) = await CliRun.RunWithWarehouseAsync(warehouse, "conflicts", "resolve", id.ToString(CultureInfo.InvariantCulture), "--numerator", "1", "--reason", "guess");
        var (resolved, resolution, resolveError) = await CliRun.RunWithWarehouseAsync(
            warehouse, "conflicts", "resolve", id.ToString(CultureInfo.InvariantCulture), "--accept", "portal/procedures", "--by", "steward-cli", "--reason", "EMC outage");
        var (shown, detail, _) = await CliRun.RunWithWarehouseAsync(warehouse, "conflicts", "show", id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(0, listed);
        Assert.Contains($"{id,8} open", queue);
        Assert.Equal(2, refused);
        Assert.Contains("evidence link", refusal);
        Assert.True(resolved == 0, resolveError);
        Assert.Contains("units of the 2025 map evaluated for 2025", resolution);
        Assert.Equal(0, shown);
        Assert.Contains("resolved (steward_accepted)", detail);
        Assert.Contains("steward-cli", detail);
        Assert.Equal(("resolved", "steward-cli"), await connection.QuerySingleAsync<(string, string)>(
            "select status, decided_by from fact.reconciliation where reconciliation_id = @id", new { id }));
    }

    private static Task<string?> StateAsync(Npgsql.NpgsqlConnection connection) => connection.ExecuteScalarAsync<string>(
        """
        select concat_ws('|',
            (select md5(string_agg(v::text, '' order by v::text)) from fact.value v),
            (select count(*) from fact.value_revision),
            (select md5(string_agg(r::text, '' order by r.reconciliation_id)) from fact.reconciliation r),
            (select count(*) from fact.reconciliation_event),
            (select md5(string_agg(l::text, '' order by l::text)) from fact.level l),
            (select count(*) from fact.level_change))
        """);
}
