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
        return kind switch
        {
            ValueKind.YesNo => total is null ? YesNo(trimmed) : throw new FormatException("a yes/no criterion takes no denominator"),
            ValueKind.Computed => throw new FormatException("this criterion is computed, never input"),
            _ => Checked(kind, Number(trimmed, "value"), total, trimmed, denominator),
        };
    }

    /// <summary>
    /// As <see cref="Parse(ValueKind, string, string?)"/>, with the optional bounds of SPEC section 5: both or neither, each checked as a value of
    /// the same kind over the same denominator, and low &lt;= value &lt;= high.
    /// </summary>
    public static Observation Parse(ValueKind kind, string value, string? denominator, string? low, string? high) =>
        Bounded(
            kind,
            Parse(kind, value, denominator),
            string.IsNullOrWhiteSpace(low) ? null : Parse(kind, low, denominator).Value,
            string.IsNullOrWhiteSpace(high) ? null : Parse(kind, high, denominator).Value);

    /// <summary>As <see cref="Check(ValueKind, decimal, decimal?)"/>, with bounds when the warehouse has them.</summary>
    public static Observation Check(ValueKind kind, decimal value, decimal? denominator, decimal? low, decimal? high) =>
        Bounded(
            kind,
            Check(kind, value, denominator),
            low is { } l ? Check(kind, l, denominator).Value : null,
            high is { } h ? Check(kind, h, denominator).Value : null);

    /// <summary>The observation with its bounds, each already checked as a value: both or neither, low &lt;= value &lt;= high.</summary>
    private static Observation Bounded(ValueKind kind, Observation observation, decimal? low, decimal? high)
    {
        if (low is null && high is null)
        {
            return observation;
        }

        if (low is not { } l || high is not { } h)
        {
            throw new FormatException("low and high come together: give both, or neither");
        }

        if (kind == ValueKind.YesNo)
        {
            throw new FormatException("a yes/no criterion takes no bounds");
        }

        if (!(l <= observation.Value && observation.Value <= h))
        {
            throw new FormatException($"bounds {Text(l)}..{Text(h)} do not hold the value {Text(observation.Value)} (low <= value <= high)");
        }

        return observation with { Bounds = new ValueBounds(l, h) };
    }

    /// <summary>
    /// Checks one input value the warehouse holds as numbers (yes/no as 1/0), with the same rules and messages as
    /// <see cref="Parse(ValueKind, string, string?)"/>, so a value is never turned into text to be read back.
    /// </summary>
    public static Observation Check(ValueKind kind, decimal value, decimal? denominator)
    {
        var text = Text(value);
        if (denominator is < 0)
        {
            throw new FormatException($"denominator '{Text(denominator.Value)}' is not a number of 0 or more");
        }

        return kind switch
        {
            ValueKind.YesNo when denominator is not null => throw new FormatException("a yes/no criterion takes no denominator"),
            ValueKind.YesNo => value switch
            {
                1 => Observation.Yes,
                0 => Observation.No,
                _ => throw new FormatException($"'{text}' is not yes/no (true/false, 1/0, yes/no, có/không)"),
            },
            ValueKind.Computed => throw new FormatException("this criterion is computed, never input"),
            _ when value < 0 => throw new FormatException($"value '{text}' is not a number of 0 or more"),
            _ => Checked(kind, value, denominator, text, denominator is { } d ? Text(d) : null),
        };
    }

    /// <summary>The range rules of the numeric kinds; the texts are the value and denominator as the input wrote them.</summary>
    private static Observation Checked(ValueKind kind, decimal number, decimal? total, string text, string? denominator)
    {
        switch (kind)
        {
            case ValueKind.Percent:
                if (total is null)
                {
                    return number is >= 0 and <= 100 ? new Observation(number) : throw new FormatException($"percentage {text} is outside 0..100");
                }

                return total > 0 && number >= 0 && number <= total
                    ? new Observation(number, total)
                    : throw new FormatException($"count {text} of {denominator} is not between 0 and a positive denominator");
            case ValueKind.WholeNumber:
                return total is null ? new Observation(Whole(number, text, "value")) : throw new FormatException("this criterion takes no denominator");
            case ValueKind.CountOfTotal:
            {
                var count = Whole(number, text, "value");
                return total is null || (total == decimal.Truncate(total.Value) && total >= count)
                    ? new Observation(count, total)
                    : throw new FormatException($"total {denominator} must be a whole number of at least {text}");
            }

            default:
                return total is null ? new Observation(number) : throw new FormatException("this criterion takes no denominator");
        }
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

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

    private static decimal Whole(decimal n, string text, string what) =>
        n == decimal.Truncate(n) ? n : throw new FormatException($"{what} '{text}' is not a whole number");
}
