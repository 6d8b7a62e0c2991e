using System.Globalization;

namespace Pipeline.Core.Evaluation;

/// <summary>
/// What one criterion needs at one level (or for one unit type): the cell of the instrument's table, as written
/// (<see cref="Text"/>) and as structured fields. "Không áp dụng" is no cell at all (null).
/// </summary>
public sealed record Cell(
    string Text,
    decimal? Min = null,
    bool OrAll = false,
    int? AllAtLeastLevel = null,
    decimal? SharePercent = null,
    int? ShareAtLeastLevel = null)
{
    /// <summary>The level this cell belongs to, in a levels framework (1..5); 0 elsewhere.</summary>
    public int Level { get; init; }

    /// <summary>Whether <paramref name="observation"/> meets this cell. Values at a threshold meet it.</summary>
    public bool IsMet(Measure measure, Observation observation) => measure switch
    {
        Measure.Percent => MeetsRate(observation.Rate),
        Measure.YesNo => observation.IsYes,
        Measure.Count => observation.Value >= Min!.Value,
        // "Có 3 doanh nghiệp ... trở lên hoặc 100% doanh nghiệp ... trên địa bàn": the second clause needs the total.
        Measure.Enterprises => observation.Value >= Min!.Value
            || (OrAll && observation.Denominator is > 0 && observation.Value >= observation.Denominator.Value),
        // DistrictRollup computes the highest level up to which every roll-up cell holds.
        Measure.CommuneRollup => observation.Value >= Level,
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>A percent cell, given the observation's <see cref="Observation.Rate"/> (the evaluator computes it once for all levels).</summary>
    internal bool MeetsRate(decimal rate) => rate >= Min!.Value;

    /// <summary>
    /// Whether every observation meets this cell exactly when it meets <paramref name="other"/>: they differ at most in
    /// their text and level, and the level counts only in a roll-up cell.
    /// </summary>
    internal bool AsksTheSameAs(Cell other, Measure measure) =>
        measure != Measure.CommuneRollup && this with { Text = other.Text, Level = other.Level } == other;

    /// <summary>What is needed, for explanations: "70%", "yes (Có hệ thống)", "at least 2".</summary>
    public string Needed(Measure measure) => measure switch
    {
        Measure.Percent => Percent(Min!.Value),
        Measure.YesNo => $"yes ({Text})",
        Measure.Count => $"at least {Min!.Value.ToString(CultureInfo.InvariantCulture)}",
        Measure.Enterprises => OrAll
            ? $"at least {Min!.Value.ToString(CultureInfo.InvariantCulture)} or all of them"
            : $"at least {Min!.Value.ToString(CultureInfo.InvariantCulture)}",
        Measure.CommuneRollup => Text,
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    internal static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
