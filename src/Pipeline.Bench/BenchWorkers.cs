using System.Diagnostics;
using Dapper;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Pipeline.Core.ReferenceData;
using Pipeline.Jobs;
using Pipeline.Jobs.Sources;
using Pipeline.Normalisation;
using Pipeline.Simulators;
using Pipeline.Simulators.Faults;
using Pipeline.Warehouse;

namespace Pipeline.Bench;

/// <summary>
/// What the child processes of `bench` do (`pipeline bench worker idle|pull|load|pickup`), so a figure's peak memory is
/// its own run's and job pickup crosses a process boundary. Each returns the <c>bench-result</c> line it ends with.
/// </summary>
/// <param name="warehouse">Connection string of the bench database (the child's ConnectionStrings__Warehouse).</param>
public sealed class BenchWorkers(string warehouse, TimeProvider time)
{
    public static string Idle() => BenchChild.Result();

    /// <summary>The nightly job of all six sources on their simulators (SIMULATED), every Nth request faulted when <paramref name="faultEvery"/> is above 0.</summary>
    public async Task<string> PullAsync(
        IConfiguration configuration, AdminUnitSet units, int faultEvery, IReadOnlySet<string>? provinces, CancellationToken ct)
    {
        await using var dataSource = WarehouseDataSource.Create(warehouse);
        var settings = new JobSettings(
            new PublicationCalendar(), TextWriter.Null, SimulatedSources.For(units, provinces, faultEvery > 0 ? [new FaultRule(FaultKind.ServerError, Every: faultEvery)] : null));
        var job = new PullJob(configuration, time, units, new ReferenceUnits(units), dataSource, settings);
        var clock = Stopwatch.StartNew();
        long records = 0;
        foreach (var source in SourceCatalog.All)
        {
            records += (await job.RunLatestAsync(source.Name, ct)).Pull.RecordsRead;
        }

        return BenchChild.Result(("seconds", clock.Elapsed.TotalSeconds), ("records", records));
    }

    /// <summary>A bench CSV loaded through the product's load path.</summary>
    public async Task<string> LoadAsync(string csv, long intakeRun, CancellationToken ct)
    {
        await using var dataSource = WarehouseDataSource.Create(warehouse);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var communes = (await connection.QueryAsync<string>(BenchSql.Read("commune_codes"))).ToHashSet(StringComparer.Ordinal);
        var totals = await BenchLoadPath.LoadAsync(dataSource, csv, "bench_growth", communes, intakeRun, time, BenchLoadPath.DefaultLoads, ct);
        return BenchChild.Result(("seconds", totals.Took.TotalSeconds), ("rows", totals.Staged));
    }

    /// <summary>A Hangfire server on the bench queue until <paramref name="stop"/> completes (standard input closed).</summary>
    /// <param name="ready">Told once the server runs, so the parent starts its clock only then.</param>
    public async Task<string> PickupAsync(Action ready, Func<Task> stop)
    {
        PickupProbe.ConnectionString = warehouse;
        var options = new BackgroundJobServerOptions { Queues = [PickupBench.Queue], WorkerCount = 2 };
        using (new BackgroundJobServer(options, JobQueue.Storage(warehouse)))
        {
            ready();
            await stop();
        }

        return BenchChild.Result();
    }
}
