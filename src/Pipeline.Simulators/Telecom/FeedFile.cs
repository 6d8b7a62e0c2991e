using Pipeline.Core.Periods;

namespace Pipeline.Simulators.Telecom;

/// <summary>
/// One file of the SIMULATED telecom drop: an operator's quarter (<see cref="Correction"/> 0) or a correction to it
/// holding only the restated lines, landing <see cref="OperatorFeed.CorrectionLag"/> later.
/// </summary>
internal sealed record FeedFile(OperatorFeed Operator, Period Period, int Correction)
{
    /// <summary>The first quarter the operators report in the drop.</summary>
    public static readonly Period FirstPeriod = new(PeriodKind.Quarter, 2024, 1);

    /// <summary>operator-a_2025-Q3.csv, operator-a_2025-Q3_correction-1.csv.</summary>
    public string Name => Correction == 0 ? $"{Operator.Name}_{Period}.csv" : $"{Operator.Name}_{Period}_correction-{Correction}.csv";

    /// <summary>When the file lands in the drop (02:00 UTC, after the operator's nightly export).</summary>
    public DateTimeOffset Modified =>
        new DateTimeOffset(Period.End.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero).AddDays(1) + Operator.Lag
        + (Correction == 0 ? TimeSpan.Zero : OperatorFeed.CorrectionLag);

    /// <summary>Every file in the drop at the as-of date, oldest first (by landing time, then name).</summary>
    public static IReadOnlyList<FeedFile> Listed(DateTimeOffset asOf)
    {
        var files = new List<FeedFile>();
        for (var period = FirstPeriod; ; period = Next(period))
        {
            var landed = OperatorFeed.All.SelectMany(o => new[] { new FeedFile(o, period, 0), new FeedFile(o, period, 1) })
                .Where(f => f.Modified <= asOf)
                .ToList();
            if (landed.Count == 0)
            {
                break;
            }

            files.AddRange(landed);
        }

        return [.. files.OrderBy(f => f.Modified).ThenBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static Period Next(Period quarter) =>
        quarter.Number == 4 ? new Period(PeriodKind.Quarter, quarter.Year + 1, 1) : quarter with { Number = quarter.Number + 1 };
}
