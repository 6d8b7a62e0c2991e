using Pipeline.Core.Periods;

namespace Pipeline.Jobs;

/// <summary>
/// When a period counts as published: its end plus a lag per cadence (the sources' contracts: a month about 10 days
/// after it ends, a quarter about 25). A scheduled pull asks for the latest period published by then, in Vietnam's
/// calendar; publication calendars stricter than a fixed lag ("the 5th working day") would go here.
/// </summary>
public sealed record PublicationCalendar(int MonthLagDays = 10, int QuarterLagDays = 25)
{
    public static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public Period LatestPublished(PeriodKind cadence, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Vietnam).DateTime);
        var period = cadence switch
        {
            PeriodKind.Month => Period.Month(today.Year, today.Month),
            PeriodKind.Quarter => Period.Parse($"{today.Year}-Q{((today.Month - 1) / 3) + 1}"),
            _ => throw new ArgumentException($"no publication lag for {cadence} periods", nameof(cadence)),
        };
        var lag = cadence == PeriodKind.Month ? MonthLagDays : QuarterLagDays;
        while (period.End.AddDays(lag) >= today)
        {
            period = period.Previous();
        }

        return period;
    }
}
