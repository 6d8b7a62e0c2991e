using Pipeline.Core.Periods;

namespace Pipeline.Simulators.Synthetic;

/// <summary>
/// When a simulated source publishes a value and when it revises it. A period's values appear
/// <see cref="Lag"/> after it ends; a seeded share of them is revised <see cref="RevisionLag"/> after that
/// (sources restate figures). Whatever is dated after the simulator's as-of date is not published yet.
/// </summary>
public sealed record Publication(TimeSpan Lag, TimeSpan RevisionLag, double RevisedShare)
{
    public static readonly Publication Monthly = new(TimeSpan.FromDays(10), TimeSpan.FromDays(35), 0.03);

    public static readonly Publication Quarterly = new(TimeSpan.FromDays(20), TimeSpan.FromDays(60), 0.03);

    /// <summary>
    /// Whether the source has published the period by <paramref name="asOf"/>: a period of the shape of
    /// <paramref name="first"/>, not before it (the first the source has), whose first values are out.
    /// </summary>
    public bool Publishes(Period period, Period first, DateTimeOffset asOf) =>
        period.Kind == first.Kind && period.Start >= first.Start && FirstPublished(period) <= asOf;

    /// <summary>When the period's first values are published (midnight UTC).</summary>
    public DateTimeOffset FirstPublished(Period period) =>
        new DateTimeOffset(period.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1) + Lag;

    /// <summary>When a revision of the unit's values is published, or null for a unit never revised in that period.</summary>
    public DateTimeOffset? Revised(string source, string unitKey, Period period) =>
        StableRandom.Chance(RevisedShare, "revised", source, unitKey, period.ToString())
            ? FirstPublished(period) + RevisionLag
            : null;

    /// <summary>The version of a unit's values visible at the as-of date: 0 first, 1 revised; null when none is.</summary>
    public (int Version, DateTimeOffset UpdatedAt)? Visible(string source, string unitKey, Period period, DateTimeOffset asOf)
    {
        var first = FirstPublished(period);
        if (first > asOf)
        {
            return null;
        }

        return Revised(source, unitKey, period) is { } revised && revised <= asOf ? (1, revised) : (0, first);
    }
}
