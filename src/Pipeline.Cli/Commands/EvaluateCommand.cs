using System.CommandLine;
using System.Diagnostics;
using Pipeline.Cli.Evaluation;
using Pipeline.Core.Evaluation;
using Pipeline.Core.Input;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline evaluate` (SPEC section 7): pure, no database or network. Reads the framework, the unit list of the
/// era and IN.csv, refuses bad input before writing anything, then writes OUT.csv in the framework's shape.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var framework = new Option<string>("--framework")
        {
            Description = "qd2361 (national levels), dn151 (Đắk Nông recognised/advanced), dti (points), or a framework .json file.",
            Required = true,
        };
        var era = new Option<string>("--era") { Description = "2024 (units until 2025-06-30) or 2025.", Required = true };
        era.AcceptOnlyFromAmong("2024", "2025");
        var values = new Option<FileInfo>("--values") { Description = "IN.csv: unit_code,criterion,value[,denominator].", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "OUT.csv to write.", Required = true };
        var units = new Option<DirectoryInfo>("--units") { Description = "Admin-units folder (default ../shared/data/admin-units)." };
        var explain = new Option<bool>("--explain") { Description = "Print, per unit, the gap for each criterion that blocks the next level (or set)." };
        var normalise = new Option<string>("--normalise")
        {
            Description = "Points frameworks: also normalise totals across the units evaluated (none, minmax, zscore).",
            DefaultValueFactory = _ => "none",
        };
        normalise.AcceptOnlyFromAmong("none", "minmax", "zscore");

        var command = new Command("evaluate", "Compute levels (or recognition, or points) for every unit in IN.csv; no database needed.")
        {
            framework, era, values, output, units, explain, normalise,
        };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var loaded = FrameworkCatalog.Load(parse.GetRequiredValue(framework));
            var chosenEra = Eras.Parse(parse.GetRequiredValue(era));
            if (loaded.Info.Era is { } fixedEra && fixedEra != chosenEra)
            {
                throw new BadInputException(new InputProblem("--era", null, $"framework {loaded.Info.Id} applies to the {(int)fixedEra} map only"));
            }

            var unitSet = AdminUnitFiles.Read(parse.GetValue(units)?.FullName ?? context.AdminUnitsDirectory);
            var lookup = UnitLookup.For(chosenEra, unitSet);
            var inPath = parse.GetRequiredValue(values).FullName;
            var outPath = parse.GetRequiredValue(output).FullName;
            var evaluated = loaded switch
            {
                LevelFramework levels => LevelOutput.Run(
                    levels,
                    EvaluationInput.Read(inPath, levels, lookup, LevelRun.UnitProblem),
                    lookup,
                    outPath,
                    parse.GetValue(explain)),
                SetFramework sets => SetOutput.Run(
                    sets,
                    EvaluationInput.Read(inPath, sets, lookup, new SetEvaluator(sets).UnitProblem),
                    outPath,
                    parse.GetValue(explain)),
                PointsFramework points => PointsOutput.Run(
                    points,
                    EvaluationInput.Read(inPath, points, lookup, PointsScorer.UnitProblem),
                    outPath,
                    ParseNormalisation(parse.GetValue(normalise)),
                    parse.GetValue(explain)),
                _ => throw new InvalidOperationException($"no evaluator for framework kind {loaded.Info.Kind}"),
            };
            Console.Error.WriteLine($"Evaluated {evaluated} units under {loaded.Info.Id} {loaded.Info.Version} ({loaded.Info.Instrument}) in {clock.Elapsed.TotalSeconds:F2} s: {outPath}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static ScoreNormalisation ParseNormalisation(string? text) => text switch
    {
        "minmax" => ScoreNormalisation.MinMax,
        "zscore" => ScoreNormalisation.ZScore,
        _ => ScoreNormalisation.None,
    };
}
