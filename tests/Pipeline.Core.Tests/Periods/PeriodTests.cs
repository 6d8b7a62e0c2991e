using Pipeline.Core.Periods;
using Pipeline.Core.Units;

namespace Pipeline.Core.Tests.Periods;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2025-06", PeriodKind.Month, "2025-06-01", "2025-06-30", Era.Y2024)]
    [InlineData("2025-07", PeriodKind.Month, "2025-07-01", "2025-07-31", Era.Y2025)]
    [InlineData("2024-02", PeriodKind.Month, "2024-02-01", "2024-02-29", Era.Y2024)]
    [InlineData("2025-Q2", PeriodKind.Quarter, "2025-04-01", "2025-06-30", Era.Y2024)]
    [InlineData("2025-Q3", PeriodKind.Quarter, "2025-07-01", "2025-09-30", Era.Y2025)]
    [InlineData("2025-H2", PeriodKind.HalfYear, "2025-07-01", "2025-12-31", Era.Y2025)]
    [InlineData("2025", PeriodKind.Year, "2025-01-01", "2025-12-31", Era.Y2024)]
    public void Parse_GivesKindBoundsAndEra(string text, PeriodKind kind, string start, string end, Era era)
    {
        var period = Period.Parse(text);

        Assert.Equal(kind, period.Kind);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(era, period.Era);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-Q5")]
    [InlineData("2025-H0")]
    [InlineData("25-10")]
    [InlineData("2025-1")]
    [InlineData("")]
    public void Parse_RefusesWhatIsNotAPeriod_NamingIt(string text)
    {
        var error = Assert.Throws<FormatException>(() => Period.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-01", "2024-12")]
    [InlineData("2025-Q1", "2024-Q4")]
    [InlineData("2025-H2", "2025-H1")]
    [InlineData("2025", "2024")]
    public void Previous_StepsBackOnePeriodOfTheSameKind(string text, string previous) =>
        Assert.Equal(previous, Period.Parse(text).Previous().ToString());
}
