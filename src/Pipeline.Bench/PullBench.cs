using Dapper;
using Pipeline.Core.ReferenceData;

namespace Pipeline.Bench;

/// <summary>
/// The nightly job of all six sources on their simulators (loopback, SIMULATED data), each run in a fresh database by a
/// child process so its peak memory is its own: once clean, once with every 10th HTTP request of each simulator
/// answered 503. Both must end with the same facts (checksum).
/// </summary>
internal sealed class PullBench(string warehouse, AdminUnitSet units, TimeProvider time, IReadOnlyList<string> provinces)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        var idle = await BenchChild.RunAsync(warehouse, ct, "idle");
        var clean = await PullAsync("clean", faultEvery: 0, ct);
        var wall = TimeSpan.FromSeconds(clean.Seconds);
        var scope = provinces.Count == 0 ? "all communes" : $"provinces {string.Join(' ', provinces)} only";
        report.Add(new BenchLine(
            "nightly pull",
            $"{BenchReport.Seconds(wall)} wall, {BenchReport.Rate((long)clean.Records, wall)} ({BenchReport.Count((long)clean.Records)} records pulled, {BenchReport.Count(clean.Facts)} facts; six sources, {scope})",
            wall / Budget,
            "the 60 s budget on 2 cores (a budget, not a measurement)",
            new BenchTarget("< 60 s", wall < Budget)));
        report.Add(new BenchLine(
            "nightly pull peak memory",
            BenchReport.Megabytes((long)clean.Peak),
            clean.Peak / idle.Number("peak_bytes"),
            $"the same program started idle {BenchReport.Megabytes((long)idle.Number("peak_bytes"))}"));

        var faulted = await PullAsync("faulted", faultEvery: 10, ct);
        var slower = faulted.Seconds / clean.Seconds;
        report.Add(new BenchLine(
            "nightly pull 10% faulted",
            $"{BenchReport.Seconds(TimeSpan.FromSeconds(faulted.Seconds))} wall (every 10th HTTP request answered 503, retried), peak {BenchReport.Megabytes((long)faulted.Peak)}",
            slower,
            $"clean pull {BenchReport.Seconds(wall)}",
            new BenchTarget("<= 1.50x", slower <= 1.5)));
        var identical = faulted.Checksum == clean.Checksum;
        report.Add(new BenchLine(
            "nightly pull 10% faulted checksum",
            $"{(identical ? "identical" : "DIFFERENT")} ({BenchReport.Count(faulted.Facts)} facts)",
            clean.Facts == 0 ? 0 : (double)faulted.Facts / clean.Facts,
            $"clean pull {BenchReport.Count(clean.Facts)} facts",
            new BenchTarget("identical checksum", identical)));
    }

    private async Task<PullRun> PullAsync(string label, int faultEvery, CancellationToken ct)
    {
        await using var database = await BenchDatabase.CreateAsync(warehouse, $"pull_{label}", units, time, ct);
        string[] args = ["pull", "--fault-every", faultEvery.ToString(System.Globalization.CultureInfo.InvariantCulture), .. provinces.SelectMany(p => new[] { "--province", p })];
        var result = await BenchChild.RunAsync(database.ConnectionString, ct, args);
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var (facts, checksum) = await connection.QuerySingleAsync<(long, string)>(new Dapper.CommandDefinition(
            BenchSql.Read("fact_checksum"), new { source = (string?)null, lineage = false }, commandTimeout: 0, cancellationToken: ct));
        return new PullRun(result.Number("seconds"), result.Number("records"), facts, checksum, result.Number("peak_bytes"));
    }

    private sealed record PullRun(double Seconds, double Records, long Facts, string Checksum, double Peak);
}
