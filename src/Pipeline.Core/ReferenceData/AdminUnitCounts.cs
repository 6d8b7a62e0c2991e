namespace Pipeline.Core.ReferenceData;

/// <summary>
/// The row counts the data README states for the reference files. Loading refuses files that disagree, because a
/// truncated or doctored copy would otherwise pass as the official map.
/// </summary>
public sealed record AdminUnitCounts(
    int Provinces2024,
    int Districts2024,
    int Communes2024,
    int Provinces2025,
    int Communes2025,
    int CrosswalkEdges,
    int SplitOldCommunes,
    int Population2025Rows,
    int Census2019Rows,
    int TypeChanges)
{
    /// <summary>As stated in ../shared/data/admin-units/README.md ("Counts checked").</summary>
    public static readonly AdminUnitCounts Published = new(
        Provinces2024: 63,
        Districts2024: 696,
        Communes2024: 10_035,
        Provinces2025: 34,
        Communes2025: 3_321,
        CrosswalkEdges: 10_571,
        SplitOldCommunes: 440,
        Population2025Rows: 3_355,
        Census2019Rows: 11_937,
        TypeChanges: 11);
}
