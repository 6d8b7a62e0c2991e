using System.Globalization;

namespace Pipeline.Core.Evaluation;

/// <summary>Says in one line why a criterion blocks the next level: "X.XHS.01 62.5% &lt; 70% needed for level 3".</summary>
public static class GapText
{
    public static string Blocking(LevelCriterion criterion, Observation value, int level) =>
        $"{criterion.Code} {Gap(criterion.Measure, criterion.At(level)!, value)} needed for level {level}";

    public static string Missing(Criterion criterion, string target) => $"{criterion.Code} has no value; needed for {target}";

    public static string Gap(Measure measure, Cell cell, Observation value) => measure switch
    {
        Measure.Percent => $"{Cell.Percent(value.Rate)}{Of(value)} < {Cell.Percent(cell.Min!.Value)}",
        Measure.YesNo => $"no, '{cell.Text}'",
        Measure.Count => $"{Number(value.Value)} < {Number(cell.Min!.Value)}",
        Measure.Enterprises => $"{Number(value.Value)}{(value.Denominator is { } d ? $" of {Number(d)}" : "")} < {cell.Needed(measure)}",
        Measure.CommuneRollup => $"not '{cell.Text}'",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    private static string Of(Observation value) =>
        value.Denominator is { } d ? $" ({Number(value.Value)} of {Number(d)})" : "";

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
