using System.CommandLine;
using Pipeline.Cli;
using Pipeline.Cli.Commands;
using Pipeline.Core.Input;

var context = CliContext.Create(TimeProvider.System);
var root = new RootCommand("Commune digital-transformation data pipeline: warehouse, reference units, source pulls, simulators, evaluation.")
{
    DbCommand.Create(context),
    UnitsCommand.Create(context),
    DemoCommand.Create(context),
    EvaluateCommand.Create(context),
    RebaseCommand.Create(context),
    PullCommand.Create(context),
    LoadCommand.Create(context),
    BackfillCommand.Create(context),
    RunsCommand.Create(context),
    QuarantineCommand.Create(context),
    ConflictsCommand.Create(context),
    PrefillCommand.Create(context),
    AttestCommand.Create(context),
    CoverageCommand.Create(context),
    AnalystsCommand.Create(context),
    SimulateCommand.Create(context),
    ReportCommand.Create(context),
    BenchCommand.Create(context),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // SPEC section 7: usage errors exit 2 (System.CommandLine's own default is 1).
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message);
    }

    await Console.Error.WriteLineAsync("Run with --help for usage.");
    return ExitCodes.BadInput;
}

try
{
        // Our handlers below map exceptions to SPEC exit codes; the library's default would print a stack trace and exit 1.
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (BadInputException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return ExitCodes.BadInput;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return ExitCodes.Failure;
}
