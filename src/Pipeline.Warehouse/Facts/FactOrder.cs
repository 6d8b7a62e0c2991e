using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// The order a period's facts are written in: fact.value's primary key order within a (source, period), unit code,
/// indicator, stream, era (ordinal), so each insert goes to the end of the period's range of the key, and a unit's
/// facts are neighbours on the pages, as the unit index (a BRIN over the pages rows land on) needs (sql/0014).
/// </summary>
internal static class FactOrder
{
    public static IComparer<Fact> ByUnit { get; } = Comparer<Fact>.Create(static (a, b) =>
    {
        var order = string.CompareOrdinal(a.UnitCode, b.UnitCode);
        if (order == 0)
        {
            order = string.CompareOrdinal(a.Indicator, b.Indicator);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Stream, b.Stream);
        }

        return order != 0 ? order : a.Era.CompareTo(b.Era);
    });

    public static List<Fact> Sorted(IEnumerable<Fact> facts)
    {
        List<Fact> sorted = [.. facts];
        sorted.Sort(ByUnit);
        return sorted;
    }
}
