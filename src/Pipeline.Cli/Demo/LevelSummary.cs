using System.Globalization;

using Pipeline.Warehouse.Levels;

namespace Pipeline.Cli.Demo;

/// <summary>Communes per level per province, as the demo prints it.</summary>
internal static class LevelSummary
{
    public static void Print(IReadOnlyList<StoredUnitLevel> levels, int year)
    {
        Console.WriteLine($"Communes per level, Decision 2361, {year} (SIMULATED data). Level: criteria no source measures count as");
        Console.WriteLine("unmet until attested; attainable: the level the measured criteria allow (missing ones counted as met).");
        Console.WriteLine($"  {"province",-26} {"level 0..5",-35} {"attainable 0..5",-35}");
        foreach (var province in levels.GroupBy(l => (l.ProvinceCode, l.ProvinceName)).OrderBy(g => g.Key.ProvinceCode, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {province.Key.ProvinceName,-26} {Counts(province, l => l.Level),-35} {Counts(province, l => l.AttainableLevel),-35}");
        }

        Console.WriteLine($"  {"all",-26} {Counts(levels, l => l.Level),-35} {Counts(levels, l => l.AttainableLevel),-35}");
        Console.WriteLine($"  Most often blocking (measured, not met): {Most(levels.Select(l => l.Blocking))}");
        Console.WriteLine($"  Most often undetermined (bounds straddle the threshold): {Most(levels.Select(l => l.Undetermined))}");
        Console.WriteLine($"  Most often missing for the next level: {Most(levels.Select(l => l.Missing))}");
    }

    private static string Counts(IEnumerable<StoredUnitLevel> levels, Func<StoredUnitLevel, int> level)
    {
        var list = levels.ToList();
        return string.Join(' ', Enumerable.Range(0, 6).Select(l => list.Count(r => level(r) == l).ToString(CultureInfo.InvariantCulture).PadLeft(5)));
    }

    private static string Most(IEnumerable<string> codeLists) =>
        string.Join(", ", codeLists
            .SelectMany(list => list.Split(';', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(code => code)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(5)
            .Select(g => $"{g.Key} ({g.Count()})"));
}
