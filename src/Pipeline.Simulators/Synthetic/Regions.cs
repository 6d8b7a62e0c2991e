namespace Pipeline.Simulators.Synthetic;

/// <summary>Region of a province by its code (the same code in both eras for the provinces that kept theirs).</summary>
internal static class Regions
{
    // Northern midlands and mountains.
    private static readonly HashSet<string> Mountains = ["02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "24", "25"];

    // Central Highlands.
    private static readonly HashSet<string> Highlands = ["62", "64", "66", "67", "68"];

    // North-central and south-central coast.
    private static readonly HashSet<string> Coast = ["38", "40", "42", "44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "60"];

    public static Region Of(string provinceCode) =>
        Mountains.Contains(provinceCode) ? Region.Mountains
        : Highlands.Contains(provinceCode) ? Region.Highlands
        : Coast.Contains(provinceCode) ? Region.Coast
        : Region.Deltas;
}
