using System.Text.Json;

namespace Pipeline.Core.Evaluation;

internal static class LevelFrameworkReader
{
    public static LevelFramework Read(FrameworkJson root, FrameworkInfo info)
    {
        var levelNames = root.Array("levels", (_, i) => $"levels[{i}]").Select(l => l.Text("name")).ToList();
        if (levelNames.Count != LevelFramework.MaxLevel)
        {
            throw root.Error($"'levels' must list {LevelFramework.MaxLevel} levels");
        }

        var criteria = root.Array("criteria", (c, i) => $"criterion {(c.Has("code") ? c.Text("code") : $"[{i}]")}")
            .Select((c, index) => ReadCriterion(c, index))
            .ToList();
        return new LevelFramework(info, levelNames, criteria);
    }

    private static LevelCriterion ReadCriterion(FrameworkJson c, int index)
    {
        var code = c.Text("code");
        var scope = c.Text("scope") switch
        {
            "commune" => CriterionScope.Commune,
            "district" => CriterionScope.District,
            var other => throw c.Error($"scope '{other}' is not commune or district"),
        };
        var measure = FrameworkReader.ReadMeasure(c);
        var cells = c.Required("cells");
        if (cells.ValueKind != JsonValueKind.Array || cells.GetArrayLength() != LevelFramework.MaxLevel)
        {
            throw c.Error($"'cells' must be an array of {LevelFramework.MaxLevel} (null where not applicable)");
        }

        if (measure == Measure.CommuneRollup && scope != CriterionScope.District)
        {
            throw c.Error("only a district criterion can roll up its communes' levels");
        }

        return new LevelCriterion(
            index, code, c.Text("name"), c.Text("group"), c.OptionalText("unit"), c.OptionalText("method"),
            c.OptionalText("legalBasis"), c.OptionalText("note"),
            scope,
            measure,
            cells.EnumerateArray()
                .Select((cell, i) => FrameworkReader.ReadCell(cell, measure, c, $"level {i + 1}") is { } read ? read with { Level = i + 1 } : null)
                .ToList());
    }
}
