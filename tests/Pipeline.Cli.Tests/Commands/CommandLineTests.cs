using Pipeline.Cli.Tests.Support;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Cli.Tests.Commands;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("db", "--help")]
    [InlineData("db", "migrate", "--help")]
    [InlineData("db", "status", "--help")]
    [InlineData("units", "--help")]
    [InlineData("units", "load", "--help")]
    [InlineData("units", "summary", "--help")]
    [InlineData("units", "resolve", "--help")]
    [InlineData("demo", "--help")]
    [InlineData("evaluate", "--help")]
    [InlineData("rebase", "--help")]
    [InlineData("pull", "--help")]
    [InlineData("simulate", "--help")]
    [InlineData("load", "--help")]
    [InlineData("runs", "--help")]
    [InlineData("quarantine", "list", "--help")]
    [InlineData("quarantine", "retry", "--help")]
    [InlineData("units", "map", "--help")]
    [InlineData("backfill", "--help")]
    [InlineData("report", "levels", "--help")]
    public async Task EveryCommand_HasHelp(params string[] args)
    {
        var (exitCode, stdout, _) = await CliRun.RunAsync(args);

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_ExitsWith2_OnStderr()
    {
        var (exitCode, stdout, stderr) = await CliRun.RunAsync("units", "load", "--frm", "x");

        Assert.Equal(2, exitCode);
        Assert.Contains("--frm", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task UnitsLoad_OfABadFile_ExitsWith2_NamingFileAndLine_BeforeTouchingTheWarehouse()
    {
        using var copy = new AdminUnitsCopy();
        var line = copy.LineOf("units_2025.csv", "00004");
        copy.ReplaceLine("units_2025.csv", line, l => "0000A" + l[5..]);

        var (exitCode, _, stderr) = await CliRun.RunAsync("units", "load", "--from", copy.Directory);

        Assert.Equal(2, exitCode);
        Assert.Contains($"units_2025.csv:{line}: column code is '0000A', not a 5-digit code", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pull", "--source", "nowhere")]
    [InlineData("pull", "--source", "vneid", "--period", "2025-13")]
    [InlineData("simulate", "--source", "vneid", "--fault", "flood:aggregates")]
    [InlineData("load", "--source", "nowhere")]
    [InlineData("load", "--source", "vneid", "--period", "2025-Q5")]
    [InlineData("quarantine", "list", "--stage", "elsewhere")]
    [InlineData("backfill", "--source", "telecom", "--from", "2025-Q1", "--to", "2025-07")]
    [InlineData("backfill", "--source", "vneid", "--from", "2025-07", "--to", "2025-13")]
    [InlineData("report", "levels", "--era", "2023")]
    [InlineData("report", "levels", "--framework", "dti")]
    public async Task Commands_RefuseBadArguments_WithExit2_NamingThem(params string[] args)
    {
        var (exitCode, _, stderr) = await CliRun.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(args[^1].Split(':')[0], stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitsLoad_WithNoReachableWarehouse_ExitsWith1()
    {
        var (exitCode, _, stderr) = await CliRun.RunAsync("units", "load");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Validated", stderr, StringComparison.Ordinal);
        Assert.Contains("error:", stderr, StringComparison.Ordinal);
    }
}
