using System.Text.RegularExpressions;
using Pipeline.Cli.Tests.Support;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Cli.Tests.Bench;

/// <summary>`bench --quick` against a real PostgreSQL: the output's shape and the targets it lists, never its timings.</summary>
[Collection(WarehouseCollection.Name)]
public sealed partial class BenchCommandTests(PostgresServer server)
{
    [Fact]
    public async Task BenchQuick_PrintsEveryFigureAsNameValueRatio_AndListsEveryTarget()
    {
        var warehouse = await server.CreateDatabaseConnectionStringAsync("bench_quick");

        var (exitCode, output, error) = await CliRun.RunWithWarehouseAsync(warehouse, "bench", "--quick");

        // 1 is a missed target on this machine, which the format test does not judge; anything else is a failure.
        Assert.True(exitCode is 0 or 1, $"exit {exitCode}: {error}");
        Assert.DoesNotContain("error:", error, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("Validated ", StringComparison.Ordinal)).ToList();
        var figures = lines.Where(l => !l.StartsWith('#')).ToList();
        Assert.All(figures, line => Assert.Matches(FigureLine(), line));
        string[] targets =
        [
            "load 132,840 rows:", "load 265,680 rows:", "unchanged reload 265,680 rows:", "nightly pull:", "nightly pull 10% faulted:",
            "nightly pull 10% faulted checksum:", "evaluation 2025 map", "evaluation 2024 map", "job pickup p95:", "growth 2x peak memory:",
        ];
        Assert.All(targets, name => Assert.Contains(figures, l => l.StartsWith(name, StringComparison.Ordinal) && TargetPart().IsMatch(l)));
        Assert.Contains(figures, l => l.Contains("on two threads", StringComparison.Ordinal) && TargetPart().IsMatch(l));
        // The load figures run several loads at once, each reading its own periods of one file: together they load
        // every row of the file once.
        var loads = figures.Select(l => (Line: l, Match: LoadRows().Match(l))).Where(l => l.Match.Success).ToList();
        Assert.Equal(2, loads.Count);
        Assert.All(loads, load => Assert.Contains($"({load.Match.Groups[1].Value} inserted, 0 quarantined,", load.Line, StringComparison.Ordinal));
        Assert.Contains(figures, l => l.StartsWith("load one period at a time 132,840 rows: ", StringComparison.Ordinal));
        Assert.Matches(@"^# \d+ of \d+ targets met", lines[^1]);
        Assert.Equal(exitCode == 0, !output.Contains(": MISSED", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^[a-z0-9][^:]*: .+ \(\d+\.\d\dx baseline\) baseline: .+$")]
    private static partial Regex FigureLine();

    [GeneratedRegex(@"^load ([0-9,]+) rows:")]
    private static partial Regex LoadRows();

    [GeneratedRegex(@"; target .+: (pass|MISSED)$")]
    private static partial Regex TargetPart();
}
