using System.Globalization;
using Pipeline.Core.Units;

namespace Pipeline.Core.Periods;

/// <summary>
/// A reporting period as sources publish them: a month (<c>2025-10</c>), a quarter (<c>2025-Q3</c>), a half-year
/// (<c>2025-H1</c>) or a year (<c>2025</c>). Its era follows its first day: periods before 2025-07-01 are measured
/// on 2024 units (SPEC section 4), so no period may straddle the reform; none of these shapes can.
/// </summary>
public sealed record Period(PeriodKind Kind, int Year, int Number)
{
    public DateOnly Start => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Number, 1),
        PeriodKind.Quarter => new DateOnly(Year, (Number * 3) - 2, 1),
        PeriodKind.HalfYear => new DateOnly(Year, (Number * 6) - 5, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Kind switch
    {
        PeriodKind.Month => Start.AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => Start.AddMonths(3).AddDays(-1),
        PeriodKind.HalfYear => Start.AddMonths(6).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>The unit map the period is measured on. A year (2025) starts before the reform, so it is 2024-era.</summary>
    public Era Era => Eras.ForDate(Start);

    /// <summary>The period of the same kind just before this one.</summary>
    public Period Previous() => Kind switch
    {
        PeriodKind.Year => this with { Year = Year - 1 },
        _ when Number > 1 => this with { Number = Number - 1 },
        _ => new Period(Kind, Year - 1, PerYear(Kind)),
    };

    public override string ToString() => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}"),
        PeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-H{Number}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    public static Period Month(int year, int month) => Checked(PeriodKind.Month, year, month, $"{year}-{month}");

    /// <summary>Parses the four shapes above; anything else is a <see cref="FormatException"/> naming the text.</summary>
    public static Period Parse(string text)
    {
        var t = text.Trim();
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return Checked(PeriodKind.Year, year, 1, t);
        }

        if (t.Length == 7 && t[4] == '-' && int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            var kind = t[5] switch { 'Q' => PeriodKind.Quarter, 'H' => PeriodKind.HalfYear, _ => PeriodKind.Month };
            var digits = kind == PeriodKind.Month ? t[5..] : t[6..];
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return Checked(kind, year, number, t);
            }
        }

        throw new FormatException($"period must look like 2025-10, 2025-Q3, 2025-H1 or 2025, not '{text}'");
    }

    private static Period Checked(PeriodKind kind, int year, int number, string text) =>
        year is >= 2000 and <= 2100 && number >= 1 && number <= PerYear(kind)
            ? new Period(kind, year, number)
            : throw new FormatException($"period '{text}': no {kind.ToString().ToLowerInvariant()} {number} in year {year} (years 2000-2100)");

    private static int PerYear(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => 12,
        PeriodKind.Quarter => 4,
        PeriodKind.HalfYear => 2,
        _ => 1,
    };
}

public enum PeriodKind
{
    Month,
    Quarter,
    HalfYear,
    Year,
}
