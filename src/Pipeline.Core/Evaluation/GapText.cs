using System.Globalization;

namespace Pipeline.Core.Evaluation;

/// <summary>Says in one line why a criterion blocks the next level: "X.XHS.01 62.5% &lt; 70% needed for level 3".</summary>
public static class GapText
{
    public static string Blocking(LevelCriterion criterion, Observation value, int level) =>
        $"{criterion.Code} {Gap(criterion.Measure, criterion.At(level)!, value)} needed for level {level}";

    public static string Missing(Criterion criterion, string target) => $"{criterion.Code} has no value; needed for {target}";

    /// <summary>"X.XHS.01 undetermined: 54%-71% against 60% needed for level 3": the threshold lies inside the value's bounds.</summary>
    public static string Undetermined(LevelCriterion criterion, Observation value, int level) =>
        $"{criterion.Code} {UndeterminedGap(criterion, value, level)}";

    /// <summary>The same without the code, for a line that already names the criterion (the pre-fill's note).</summary>
    public static string UndeterminedGap(LevelCriterion criterion, Observation value, int level) =>
        $"undetermined: {Interval(criterion.Measure, value)} against {criterion.At(level)!.Needed(criterion.Measure)} needed for level {level}";

    /// <summary>The value's bounds as the measure shows them: "54%-71%" for a rate, "3-5" for a count.</summary>
    public static string Interval(Measure measure, Observation value) => measure == Measure.Percent
        ? $"{Cell.Percent(value.Low.Rate)}-{Cell.Percent(value.High.Rate)}"
        : $"{Number(value.Low.Value)}-{Number(value.High.Value)}";

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
