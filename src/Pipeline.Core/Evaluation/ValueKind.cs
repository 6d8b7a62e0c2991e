using System.Globalization;

namespace Pipeline.Core.Evaluation;

/// <summary>How an input value of a criterion must look; decided by the criterion's measure or scoring.</summary>
public enum ValueKind
{
    /// <summary>0..100, or a count with a denominator (count &lt;= denominator).</summary>
    Percent,

    /// <summary>true/false, 1/0, yes/no, có/không, any case.</summary>
    YesNo,

    /// <summary>A whole number of 0 or more.</summary>
    WholeNumber,

    /// <summary>A whole number, with the total as optional denominator (X.KTS.04).</summary>
    CountOfTotal,

    /// <summary>Any number of 0 or more (tiers over counts or percentages).</summary>
    Number,

    /// <summary>Computed, never input (H.CHUNG.01, sums of points).</summary>
    Computed,
}

public static class ValueKinds
{
    public static ValueKind Of(Measure measure) => measure switch
    {
        Measure.Percent => ValueKind.Percent,
        Measure.YesNo => ValueKind.YesNo,
        Measure.Count => ValueKind.WholeNumber,
        Measure.Enterprises => ValueKind.CountOfTotal,
        _ => ValueKind.Computed,
    };

    public static ValueKind Of(Scoring scoring) => scoring switch
    {
        SumScoring => ValueKind.Computed,
        _ when scoring.TakesYesNo => ValueKind.YesNo,
        _ when scoring.TakesPercent => ValueKind.Percent,
        _ when scoring.TakesWholeNumber => ValueKind.WholeNumber,
        _ => ValueKind.Number,
    };

    /// <summary>Parses one input value; the message of a failure says what was expected.</summary>
    public static Observation Parse(ValueKind kind, string value, string? denominator)
    {
        var trimmed = value.Trim();
        var total = string.IsNullOrWhiteSpace(denominator) ? (decimal?)null : Number(denominator.Trim(), "denominator");
        switch (kind)
        {
            case ValueKind.YesNo:
                return total is null ? YesNo(trimmed) : throw new FormatException("a yes/no criterion takes no denominator");
            case ValueKind.Percent:
            {
                var number = Number(trimmed, "value");
                if (total is null)
                {
                    return number is >= 0 and <= 100 ? new Observation(number) : throw new FormatException($"percentage {trimmed} is outside 0..100");
                }

                return total > 0 && number >= 0 && number <= total
                    ? new Observation(number, total)
                    : throw new FormatException($"count {trimmed} of {denominator} is not between 0 and a positive denominator");
            }

            case ValueKind.WholeNumber:
                return total is null ? new Observation(Whole(trimmed, "value")) : throw new FormatException("this criterion takes no denominator");
            case ValueKind.CountOfTotal:
            {
                var count = Whole(trimmed, "value");
                return total is null || (total == decimal.Truncate(total.Value) && total >= count)
                    ? new Observation(count, total)
                    : throw new FormatException($"total {denominator} must be a whole number of at least {trimmed}");
            }

            case ValueKind.Number:
            {
                var number = Number(trimmed, "value");
                return total is null ? new Observation(number) : throw new FormatException("this criterion takes no denominator");
            }

            default:
                throw new FormatException("this criterion is computed, never input");
        }
    }

    private static Observation YesNo(string text) => text.Normalize().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "có" => Observation.Yes,
        "false" or "0" or "no" or "không" => Observation.No,
        _ => throw new FormatException($"'{text}' is not yes/no (true/false, 1/0, yes/no, có/không)"),
    };

    private static decimal Number(string text, string what) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new FormatException($"{what} '{text}' is not a number of 0 or more");

    private static decimal Whole(string text, string what)
    {
        var n = Number(text, what);
        return n == decimal.Truncate(n) ? n : throw new FormatException($"{what} '{text}' is not a whole number");
    }
}
