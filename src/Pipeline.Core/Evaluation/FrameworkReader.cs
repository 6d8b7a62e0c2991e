using System.Text.Json;
using Pipeline.Core.Input;
using Pipeline.Core.Units;

namespace Pipeline.Core.Evaluation;

/// <summary>Reads a framework file (Frameworks/README.md) into a typed <see cref="Framework"/>, refusing anything malformed.</summary>
public static class FrameworkReader
{
    public static Framework Read(string file, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new BadInputException(new InputProblem(file, (e.LineNumber ?? 0) + 1, e.Message));
        }

        using (document)
        {
            var root = new FrameworkJson(document.RootElement, file, "framework");
            var info = ReadInfo(root, file);
            Framework framework = info.Kind switch
            {
                FrameworkKind.Levels => LevelFrameworkReader.Read(root, info),
                FrameworkKind.Sets => SetFrameworkReader.Read(root, info),
                _ => PointsFrameworkReader.Read(root, info),
            };
            var duplicate = framework.AllCriteria.GroupBy(c => c.Code).FirstOrDefault(g => g.Count() > 1);
            return duplicate is null ? framework : throw root.Error($"criterion code {duplicate.Key} appears twice");
        }
    }

    private static FrameworkInfo ReadInfo(FrameworkJson root, string file) => new(
        root.Text("id"),
        root.Text("version"),
        root.Text("kind") switch
        {
            "levels" => FrameworkKind.Levels,
            "sets" => FrameworkKind.Sets,
            "points" => FrameworkKind.Points,
            var other => throw root.Error($"kind '{other}' is not levels, sets or points"),
        },
        root.Text("title"),
        root.Text("instrument"),
        root.Text("issuer"),
        root.Date("issuedOn"),
        root.Date("effectiveFrom"),
        root.Text("source"),
        root.OptionalText("provinceCode"),
        root.OptionalInt("era") is { } era ? Eras.Parse(era.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null,
        file);

    /// <summary>A cell: null for "Không áp dụng", else its text and the fields its measure needs.</summary>
    internal static Cell? ReadCell(JsonElement element, Measure measure, FrameworkJson owner, string where)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var json = new FrameworkJson(element, owner.File, $"{owner.Where} {where}");
        var cell = new Cell(
            json.Text("text"),
            json.OptionalNumber("min"),
            json.Flag("orAll"),
            json.OptionalInt("allAtLeastLevel"),
            json.OptionalNumber("sharePercent"),
            json.OptionalInt("shareAtLeastLevel"));
        var problem = measure switch
        {
            Measure.Percent when cell.Min is not (>= 0 and <= 100) => "a percent cell needs 'min' between 0 and 100",
            Measure.Count or Measure.Enterprises when cell.Min is not >= 0 => "a count cell needs 'min' of 0 or more",
            Measure.CommuneRollup when cell.AllAtLeastLevel is not (>= 0 and <= LevelFramework.MaxLevel) => "a roll-up cell needs 'allAtLeastLevel' 0..5",
            Measure.CommuneRollup when (cell.SharePercent is null) != (cell.ShareAtLeastLevel is null) => "'sharePercent' and 'shareAtLeastLevel' go together",
            _ => null,
        };
        return problem is null ? cell : throw json.Error(problem);
    }

    internal static Measure ReadMeasure(FrameworkJson criterion)
    {
        try
        {
            return Measures.Parse(criterion.Text("measure"));
        }
        catch (FormatException e)
        {
            throw criterion.Error(e.Message);
        }
    }
}
