using System.CommandLine;
using Pipeline.Simulators;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline simulate --source NAME [--port N] [--fault RULE ...] [--as-of DATE]`: one source's simulator on
/// loopback until Ctrl+C, to point a connector, curl or a browser at. Everything it serves is SIMULATED.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var source = SourceOptions.Create("The source to simulate.", required: true);
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (default: any free port)." };
        var faults = new Option<string[]>("--fault")
        {
            Description = "Fault rule kind[:endpoint][@key=value,...][*times], repeatable. Kinds: " + string.Join(", ", FaultRule.Names.Keys)
                + ". Example: 429:aggregates@limit=500*3",
            AllowMultipleArgumentsPerToken = true,
        };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = $"The simulator's today: nothing dated later is published (default {SimulationClock.DefaultAsOf:yyyy-MM-dd}).",
        };
        var simulate = new Command("simulate", "Run one source's simulator (SIMULATED data, WireMock.Net) on loopback until Ctrl+C.")
        {
            source,
            port,
            faults,
            asOf,
        };
        simulate.SetAction(async (parse, ct) =>
        {
            var rules = new List<FaultRule>();
            foreach (var text in parse.GetValue(faults) ?? [])
            {
                try
                {
                    rules.Add(FaultRule.Parse(text));
                }
                catch (FormatException e)
                {
                    throw new Core.Input.BadInputException(new Core.Input.InputProblem("--fault", null, e.Message));
                }
            }

            var clock = parse.GetValue(asOf) is { } date
                ? new SimulationClock(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
                : new SimulationClock();
            var data = SimulationData.From(await UnitsCommand.ReadAsync(context.AdminUnitsDirectory));
            using var simulator = SimulatedSources.Create(parse.GetRequiredValue(source), data, clock).Start(parse.GetValue(port));
            foreach (var rule in rules)
            {
                simulator.Faults.Add(rule);
            }

            Console.WriteLine($"SIMULATED {simulator.Name} source on {simulator.Url} (synthetic data as of {clock.AsOf:yyyy-MM-dd}; {rules.Count} fault rule(s)).");
            Console.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }

            Console.WriteLine($"Stopped after {simulator.Requests.Count} request(s).");
            return ExitCodes.Success;
        });
        return simulate;
    }
}
