namespace Pipeline.Core.Evaluation;

/// <summary>How a criterion's input value is read and compared with its cells (see Frameworks/README.md).</summary>
public enum Measure
{
    /// <summary>A percentage, or a count with a denominator; met when the rate is at least the cell's minimum.</summary>
    Percent,

    /// <summary>Something exists or is done; met when true.</summary>
    YesNo,

    /// <summary>A whole number; met when at least the cell's minimum ("Tối thiểu 02 nhân sự").</summary>
    Count,

    /// <summary>X.KTS.04: a number of enterprises, met at the minimum or, where the cell says so, when all of them (value = denominator).</summary>
    Enterprises,

    /// <summary>H.CHUNG.01: computed from the levels of a district's communes, never input.</summary>
    CommuneRollup,
}

public static class Measures
{
    public static Measure Parse(string text) => text switch
    {
        "percent" => Measure.Percent,
        "yesNo" => Measure.YesNo,
        "count" => Measure.Count,
        "enterprises" => Measure.Enterprises,
        "communeRollup" => Measure.CommuneRollup,
        _ => throw new FormatException($"measure '{text}' is not one of percent, yesNo, count, enterprises, communeRollup"),
    };
}
