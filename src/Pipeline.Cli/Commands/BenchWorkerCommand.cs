using System.CommandLine;
using System.Diagnostics;
using Dapper;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Pipeline.Cli.Bench;
using Pipeline.Jobs;
using Pipeline.Jobs.Sources;
using Pipeline.Normalisation;
using Pipeline.Simulators.Faults;
using Pipeline.Warehouse;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline bench worker idle|pull|load|pickup` (hidden): the child processes `bench` starts so a figure's peak memory
/// is its own run's and job pickup crosses a process boundary. Each reads the bench database from
/// ConnectionStrings__Warehouse and ends with a `bench-result` line.
/// </summary>
internal static class BenchWorkerCommand
{
    public static Command Create(CliContext context)
    {
        var worker = new Command("worker", "Child process of `pipeline bench` (internal).") { Hidden = true };
        var idle = new Command("idle", "Report the peak memory of the program doing nothing.");
        idle.SetAction(_ =>
        {
            Console.WriteLine(BenchChild.Result());
            return ExitCodes.Success;
        });
        worker.Add(idle);
        worker.Add(Pull(context));
        worker.Add(Load(context));
        worker.Add(Pickup(context));
        return worker;
    }

    private static Command Pull(CliContext context)
    {
        var every = new Option<int>("--fault-every") { Description = "Answer every Nth request of each simulator with 503 (0: none)." };
        var provinces = new Option<string[]>("--province") { AllowMultipleArgumentsPerToken = true };
        var pull = new Command("pull", "The nightly job of all six sources on their simulators (SIMULATED).") { every, provinces };
        pull.SetAction(async (parse, ct) =>
        {
            var units = await UnitsCommand.ReadAsync(context.AdminUnitsDirectory);
            await using var warehouse = WarehouseDataSource.Create(Required(context));
            var n = parse.GetValue(every);
            var chosen = parse.GetValue(provinces) is { Length: > 0 } p ? p.ToHashSet(StringComparer.Ordinal) : null;
            var settings = new JobSettings(
                UseSimulators: true, new PublicationCalendar(), TextWriter.Null, chosen, n > 0 ? [new FaultRule(FaultKind.ServerError, Every: n)] : null);
            var job = new PullJob(context.Configuration, context.Time, units, new ReferenceUnits(units), warehouse, settings);
            var clock = Stopwatch.StartNew();
            long records = 0;
            foreach (var source in SourceCatalog.All)
            {
                records += (await job.RunLatestAsync(source.Name, ct)).Pull.RecordsRead;
            }

            Console.WriteLine(BenchChild.Result(("seconds", clock.Elapsed.TotalSeconds), ("records", records)));
            return ExitCodes.Success;
        });
        return pull;
    }

    private static Command Load(CliContext context)
    {
        var csv = new Option<FileInfo>("--csv") { Required = true };
        var intakeRun = new Option<long>("--intake-run") { Required = true };
        var load = new Command("load", "Load a bench CSV through the product's load path.") { csv, intakeRun };
        load.SetAction(async (parse, ct) =>
        {
            await using var warehouse = WarehouseDataSource.Create(Required(context));
            await using var connection = await warehouse.OpenConnectionAsync(ct);
            var communes = (await connection.QueryAsync<string>("select code from ref.admin_unit where era = 2025 and level = 'commune'")).ToHashSet(StringComparer.Ordinal);
            var totals = await BenchLoadPath.LoadAsync(warehouse, parse.GetRequiredValue(csv).FullName, "bench_growth", communes, parse.GetValue(intakeRun), context.Time, BenchLoadPath.DefaultLoads, ct);
            Console.WriteLine(BenchChild.Result(("seconds", totals.Took.TotalSeconds), ("rows", totals.Staged)));
            return ExitCodes.Success;
        });
        return load;
    }

    private static Command Pickup(CliContext context)
    {
        var pickup = new Command("pickup", "Run a Hangfire server on the bench queue until standard input closes.");
        pickup.SetAction(async (parse, ct) =>
        {
            PickupProbe.ConnectionString = Required(context);
            var options = new BackgroundJobServerOptions { Queues = [PickupBench.Queue], WorkerCount = 2 };
            using (new BackgroundJobServer(options, JobQueue.Storage(PickupProbe.ConnectionString)))
            {
                Console.WriteLine("ready");
                await Console.In.ReadToEndAsync(ct);
            }

            Console.WriteLine(BenchChild.Result());
            return ExitCodes.Success;
        });
        return pickup;
    }

    private static string Required(CliContext context) =>
        context.Configuration.GetConnectionString("Warehouse") ?? throw new InvalidOperationException("bench worker needs ConnectionStrings__Warehouse");
}
