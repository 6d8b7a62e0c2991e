using Pipeline.Core.Evaluation;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;

namespace Pipeline.Cli.Demo;

/// <summary>Communes per level per province, as the demo prints it.</summary>
internal static class LevelSummary
{
    private static string Counts(IEnumerable<LevelResult> results, Func<LevelResult, int> level)
    {
        var list = results.ToList();
        return string.Join(' ', Enumerable.Range(0, 6).Select(l => list.Count(r => level(r) == l).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(5)));
    }

    public static void Print(IReadOnlyList<LevelResult> results, AdminUnitSet units, int year)
    {
        var lookup = UnitLookup.For(Era.Y2025, units);
        var byProvince = results
            .Where(r => r.Scope == CriterionScope.Commune)
            .GroupBy(r => lookup.Find(r.UnitCode)!.ProvinceCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        Console.WriteLine($"Communes per level, Decision 2361, {year} (SIMULATED data). Level: criteria no source measures count as");
        Console.WriteLine("unmet until attested; attainable: the level the measured criteria allow (missing ones counted as met).");
        Console.WriteLine($"  {"province",-26} {"level 0..5",-35} {"attainable 0..5",-35}");
        foreach (var province in byProvince)
        {
            Console.WriteLine($"  {lookup.Find(province.Key)!.Name,-26} {Counts(province, r => r.Level),-35} {Counts(province, r => r.AttainableLevel),-35}");
        }

        var communes = results.Where(r => r.Scope == CriterionScope.Commune).ToList();
        Console.WriteLine($"  {"all",-26} {Counts(communes, r => r.Level),-35} {Counts(communes, r => r.AttainableLevel),-35}");
        var missing = results.SelectMany(r => r.Missing).GroupBy(c => c.Code).OrderByDescending(g => g.Count()).Take(5);
        var blocking = results.SelectMany(r => r.Blocking).GroupBy(c => c.Code).OrderByDescending(g => g.Count()).Take(5);
        Console.WriteLine($"  Most often blocking (measured, not met): {string.Join(", ", blocking.Select(g => $"{g.Key} ({g.Count()})"))}");
        Console.WriteLine($"  Most often missing for the next level: {string.Join(", ", missing.Select(g => $"{g.Key} ({g.Count()})"))}");
    }
}
