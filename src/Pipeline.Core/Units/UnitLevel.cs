namespace Pipeline.Core.Units;

public enum UnitLevel
{
    Province,
    District,
    Commune,
}

public static class UnitLevels
{
    public static string ToText(this UnitLevel level) => level switch
    {
        UnitLevel.Province => "province",
        UnitLevel.District => "district",
        UnitLevel.Commune => "commune",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static bool TryParse(string text, out UnitLevel level)
    {
        switch (text)
        {
            case "province": level = UnitLevel.Province; return true;
            case "district": level = UnitLevel.District; return true;
            case "commune": level = UnitLevel.Commune; return true;
            default: level = default; return false;
        }
    }

    /// <summary>GSO codes: 2 digits for a province, 3 for a district, 5 for a commune.</summary>
    public static int CodeLength(this UnitLevel level) => level switch
    {
        UnitLevel.Province => 2,
        UnitLevel.District => 3,
        UnitLevel.Commune => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
