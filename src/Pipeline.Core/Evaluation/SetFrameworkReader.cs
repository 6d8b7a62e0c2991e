using System.Text.Json;

namespace Pipeline.Core.Evaluation;

internal static class SetFrameworkReader
{
    public static SetFramework Read(FrameworkJson root, FrameworkInfo info)
    {
        var columnsJson = root.Required("unitTypeColumns");
        if (columnsJson.ValueKind != JsonValueKind.Object)
        {
            throw root.Error("'unitTypeColumns' must map unit types to column names");
        }

        var columns = columnsJson.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        var sets = root.Array("sets", (_, i) => $"sets[{i}]")
            .Select(s => new CriteriaSet(s.Text("id"), s.Text("name"), s.OptionalText("requires"), s.Text("result")))
            .ToList();
        foreach (var set in sets.Where(s => s.Requires is not null && sets.All(o => o.Id != s.Requires)))
        {
            throw root.Error($"set {set.Id} requires unknown set {set.Requires}");
        }

        var criteria = root.Array("criteria", (c, i) => $"criterion {(c.Has("code") ? c.Text("code") : $"[{i}]")}")
            .Select((c, index) => ReadCriterion(c, index, sets, columns.Values.ToHashSet()))
            .ToList();
        return new SetFramework(info, columns, sets, criteria);
    }

    private static SetCriterion ReadCriterion(FrameworkJson c, int index, List<CriteriaSet> sets, HashSet<string> columns)
    {
        var set = c.Text("set");
        if (sets.All(s => s.Id != set))
        {
            throw c.Error($"set '{set}' is not declared in 'sets'");
        }

        var measure = FrameworkReader.ReadMeasure(c);
        var cellsJson = c.Required("cells");
        var cells = cellsJson.ValueKind == JsonValueKind.Object
            ? cellsJson.EnumerateObject().ToDictionary(p => p.Name, p => FrameworkReader.ReadCell(p.Value, measure, c, $"cell {p.Name}"))
            : throw c.Error("'cells' must map each unit-type column to a cell");
        if (!cells.Keys.ToHashSet().SetEquals(columns))
        {
            throw c.Error($"'cells' must have exactly the columns {string.Join(", ", columns)}");
        }

        return new SetCriterion(
            index, c.Text("code"), c.Text("name"), c.Text("group"), c.OptionalText("unit"), c.OptionalText("method"),
            c.OptionalText("legalBasis"), c.OptionalText("note"),
            set,
            measure,
            cells);
    }
}
