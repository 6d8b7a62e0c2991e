using Pipeline.Core.Periods;

namespace Pipeline.Bench;

/// <summary>
/// Writes the bench's input: SIMULATED facts (`unit_code,indicator,period,numerator,denominator`), every commune x
/// indicator for each month, period after period, with values from a fixed hash so every run loads the same file.
/// </summary>
internal static class FactCsv
{
    public const string Header = "unit_code,indicator,period,numerator,denominator";
    public const int Indicators = 40;

    public static IReadOnlyList<string> IndicatorNames { get; } = [.. Enumerable.Range(1, Indicators).Select(i => $"bench_{i:00}")];

    /// <summary>Monthly periods ending December 2025, oldest first.</summary>
    public static IReadOnlyList<Period> Months(int count)
    {
        var periods = new List<Period>(count);
        var period = Period.Month(2025, 12);
        for (var i = 0; i < count; i++)
        {
            periods.Add(period);
            period = period.Previous();
        }

        periods.Reverse();
        return periods;
    }

    public static long Write(string path, IReadOnlyList<string> communes, IReadOnlyList<Period> periods)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 20);
        writer.Write(Header);
        writer.Write('\n');
        long rows = 0;
        Span<char> number = stackalloc char[16];
        foreach (var period in periods)
        {
            var periodText = period.ToString();
            for (var c = 0; c < communes.Count; c++)
            {
                for (var i = 0; i < IndicatorNames.Count; i++)
                {
                    var h = Mix((uint)c, (uint)i, (uint)((period.Year * 100) + period.Number));
                    var denominator = 100 + (h % 20_000);
                    var numerator = (h >> 16) % (denominator + 1);
                    writer.Write(communes[c]);
                    writer.Write(',');
                    writer.Write(IndicatorNames[i]);
                    writer.Write(',');
                    writer.Write(periodText);
                    writer.Write(',');
                    numerator.TryFormat(number, out var n, provider: System.Globalization.CultureInfo.InvariantCulture);
                    writer.Write(number[..n]);
                    writer.Write(',');
                    denominator.TryFormat(number, out n, provider: System.Globalization.CultureInfo.InvariantCulture);
                    writer.Write(number[..n]);
                    writer.Write('\n');
                    rows++;
                }
            }
        }

        return rows;
    }

    // A cheap, fixed integer hash: the same input file on every run and machine.
    private static uint Mix(uint a, uint b, uint c)
    {
        var h = (a * 0x9E3779B1u) ^ (b * 0x85EBCA77u) ^ (c * 0xC2B2AE3Du);
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return h;
    }
}
