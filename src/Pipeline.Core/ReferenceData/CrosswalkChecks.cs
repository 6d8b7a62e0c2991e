using Pipeline.Core.Input;
using Pipeline.Core.Units;

namespace Pipeline.Core.ReferenceData;

/// <summary>Checks the crosswalk against both unit lists: both ends exist, every commune of both eras is covered, splits agree.</summary>
internal static class CrosswalkChecks
{
    public static void Run(
        CsvRows<CrosswalkEdge> edges,
        Dictionary<string, AdminUnit> units2024,
        Dictionary<string, AdminUnit> units2025,
        AdminUnitCounts expected,
        ProblemList problems)
    {
        var file = edges.File;
        var sourceRows = new HashSet<int>();
        foreach (var (edge, line) in edges.WithLines())
        {
            if (!sourceRows.Add(edge.SourceRow))
            {
                problems.Add(file, line, $"source_row {edge.SourceRow} appears twice");
            }

            if (edge.OldCommuneCode is { } old)
            {
                AdminUnitChecks.RequireUnit(units2024, old, UnitLevel.Commune, file, line, problems);
            }

            AdminUnitChecks.RequireUnit(units2024, edge.OldDistrictCode, UnitLevel.District, file, line, problems);
            AdminUnitChecks.RequireUnit(units2025, edge.NewCommuneCode, UnitLevel.Commune, file, line, problems);
            if (edge.IsSplit != edge.NewTargetCount > 1)
            {
                problems.Add(file, line, $"is_split {(edge.IsSplit ? 1 : 0)} disagrees with n_new_targets {edge.NewTargetCount}");
            }
        }

        var byOld = edges.WithLines().Where(e => e.Item.OldCommuneCode is not null).GroupBy(e => e.Item.OldCommuneCode!);
        foreach (var group in byOld)
        {
            var (first, line) = group.First();
            if (group.Count() != first.NewTargetCount)
            {
                problems.Add(file, line, $"old commune {group.Key} has {group.Count()} edges but n_new_targets {first.NewTargetCount}");
            }

            if (group.Count(e => e.Item.PrimaryTarget == true) > 1)
            {
                problems.Add(file, line, $"old commune {group.Key} has more than one primary target");
            }
        }

        RequireCovered(units2024, edges.Items.Select(e => e.OldCommuneCode), "old", file, problems);
        RequireCovered(units2025, edges.Items.Select(e => e.NewCommuneCode), "new", file, problems);
        AdminUnitChecks.CheckRowCount(file, edges.Count, expected.CrosswalkEdges, problems);
        var splits = edges.Items.Where(e => e.IsSplit).Select(e => e.OldCommuneCode).Distinct().Count();
        if (splits != expected.SplitOldCommunes)
        {
            problems.Add(file, null, $"has {splits} split old communes; the data README states {expected.SplitOldCommunes}");
        }
    }

    private static void RequireCovered(
        Dictionary<string, AdminUnit> units, IEnumerable<string?> codes, string side, string file, ProblemList problems)
    {
        var seen = codes.OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var commune in units.Values.Where(u => u.Level == UnitLevel.Commune && !seen.Contains(u.Code)))
        {
            problems.Add(file, null, $"{commune.Era:D} commune {commune.Code} ({commune.Name}) has no {side}-side edge");
        }
    }
}
