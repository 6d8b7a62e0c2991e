using System.CommandLine;
using Pipeline.Cli.Attestations;
using Pipeline.Core.Evaluation;
using Pipeline.Core.Input;
using Pipeline.Core.Units;
using Pipeline.Normalisation;
using Pipeline.Warehouse.Attestations;
using Pipeline.Warehouse.Levels;
using Pipeline.Warehouse.Prefill;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline attest template|import`: forms for the criteria no system measures, one per commune, and the import of
/// the filled forms: every problem reported by file, sheet, row and column, and nothing stored unless every row is
/// right. Stored values re-evaluate the year's levels at once.
/// </summary>
internal static class AttestCommand
{
    public static Command Create(CliContext context) => new("attest", "Attestations for the criteria no system measures: forms per commune, and their import.")
    {
        Template(context),
        Import(context),
    };

    private static Command Template(CliContext context)
    {
        var framework = new Option<string>("--framework") { Description = "The criteria set.", Required = true };
        framework.AcceptOnlyFromAmong(PrefillReader.Framework);
        var year = new Option<int>("--year") { Description = "The assessment year.", Required = true };
        var province = new Option<string>("--province") { Description = "A form for every commune of this 2025 province (code)." };
        var unit = new Option<string[]>("--unit") { Description = "A form for this 2025 commune (code; repeatable).", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "xlsx (default) or csv.", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("xlsx", "csv");
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the forms.", Required = true };
        var template = new Command("template", "Write one form per commune listing the criteria no system measures, to fill with value and evidence link.")
        {
            framework,
            year,
            province,
            unit,
            format,
            output,
        };
        template.SetAction(async (parse, ct) =>
        {
            var chosen = (LevelFramework)FrameworkCatalog.Load(parse.GetRequiredValue(framework));
            var units = await UnitsCommand.ReadAsync(context.AdminUnitsDirectory);
            var communes = units.Units2025.Where(u => u.Level == UnitLevel.Commune
                && (u.ProvinceCode == parse.GetValue(province) || (parse.GetValue(unit) ?? []).Contains(u.Code))).ToList();
            if (communes.Count == 0)
            {
                throw new BadInputException(new InputProblem("--province/--unit", null, "no 2025 commune chosen: give --province CODE or --unit CODE"));
            }

            await using var warehouse = await context.OpenMigratedWarehouseAsync(ct);
            var measured = await new AttestationStore(warehouse, context.Time).MeasuredCriteriaAsync(chosen.Info.Id, ct);
            var criteria = chosen.Criteria.Where(c => c.Scope == CriterionScope.Commune && !measured.Contains(c.Code)).ToList<Criterion>();
            var extension = parse.GetValue(format)!;
            var folder = parse.GetRequiredValue(output).FullName;
            foreach (var commune in communes)
            {
                var form = new AttestationForm(chosen.Info.Id, parse.GetValue(year), commune.Code, commune.Name, criteria);
                var path = Path.Combine(folder, $"attest_{chosen.Info.Id}_{form.Year}_{commune.Code}.{extension}");
                if (extension == "csv")
                {
                    AttestationTemplate.WriteCsv(form, path);
                }
                else
                {
                    AttestationTemplate.WriteXlsx(form, path);
                }
            }

            Console.WriteLine($"{communes.Count} forms ({criteria.Count} criteria no system measures) in {folder}.");
            return ExitCodes.Success;
        });
        return template;
    }

    private static Command Import(CliContext context)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Filled forms (.xlsx or .csv).", Arity = ArgumentArity.OneOrMore };
        var framework = new Option<string>("--framework") { Description = "The criteria set of the forms.", DefaultValueFactory = _ => PrefillReader.Framework };
        framework.AcceptOnlyFromAmong(PrefillReader.Framework);
        var by = new Option<string>("--by") { Description = "Who imports them, recorded with each value (default: the signed-in user)." };
        var import = new Command("import", "Check and store filled forms: all or nothing; every problem named by file, sheet, row and column. Levels are re-evaluated.")
        {
            files,
            framework,
            by,
        };
        import.SetAction(async (parse, ct) =>
        {
            var chosen = (LevelFramework)FrameworkCatalog.Load(parse.GetValue(framework)!);
            var units = await UnitsCommand.ReadAsync(context.AdminUnitsDirectory);
            await using var warehouse = await context.OpenMigratedWarehouseAsync(ct);
            var store = new AttestationStore(warehouse, context.Time);
            var check = new AttestationCheck(chosen, new ReferenceUnits(units), await store.MeasuredCriteriaAsync(chosen.Info.Id, ct));

            var problems = new ProblemList(limit: 200);
            var attestations = new List<Attestation>();
            foreach (var file in parse.GetValue(files)!)
            {
                attestations.AddRange(check.Check(AttestationFile.Read(file.FullName, problems), problems));
            }

            // All or nothing: a form with one bad row is sent back whole, so no commune is half-recorded.
            problems.ThrowIfAny();
            var (added, changed, unchanged) = await store.SaveAsync(attestations, parse.GetValue(by) ?? Environment.UserName, ct);
            Console.WriteLine($"{attestations.Count} attested values: {added} new, {changed} changed, {unchanged} unchanged.");
            foreach (var year in attestations.Select(a => a.Year).Distinct().Order())
            {
                var levels = await new CommuneLevels(warehouse, units, context.Time).EvaluateAsync(Core.Units.Era.Y2025, year, ct);
                Console.WriteLine($"Re-evaluated: {levels}.");
            }

            return ExitCodes.Success;
        });
        return import;
    }
}
