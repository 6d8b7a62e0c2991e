using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Pipeline.Bench;

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
            Console.WriteLine(BenchWorkers.Idle());
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
            var chosen = parse.GetValue(provinces) is { Length: > 0 } p ? p.ToHashSet(StringComparer.Ordinal) : null;
            Console.WriteLine(await Workers(context).PullAsync(context.Configuration, units, parse.GetValue(every), chosen, ct));
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
            Console.WriteLine(await Workers(context).LoadAsync(parse.GetRequiredValue(csv).FullName, parse.GetValue(intakeRun), ct));
            return ExitCodes.Success;
        });
        return load;
    }

    private static Command Pickup(CliContext context)
    {
        var pickup = new Command("pickup", "Run a Hangfire server on the bench queue until standard input closes.");
        pickup.SetAction(async (parse, ct) =>
        {
            Console.WriteLine(await Workers(context).PickupAsync(() => Console.WriteLine("ready"), () => Console.In.ReadToEndAsync(ct)));
            return ExitCodes.Success;
        });
        return pickup;
    }

    private static BenchWorkers Workers(CliContext context) => new(Required(context), context.Time);

    private static string Required(CliContext context) =>
        context.Configuration.GetConnectionString("Warehouse") ?? throw new InvalidOperationException("bench worker needs ConnectionStrings__Warehouse");
}
