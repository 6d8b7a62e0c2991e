namespace Pipeline.Core.Units;

/// <summary>
/// The administrative map a unit code belongs to. Codes are reused across eras (00004 is Phường Trúc Bạch in
/// 2024 and Phường Ba Đình in 2025), so every unit reference carries its era.
/// </summary>
public enum Era : short
{
    /// <summary>Units in force until 2025-06-30: provinces, districts, communes.</summary>
    Y2024 = 2024,

    /// <summary>Units in force from 2025-07-01: provinces and communes, no districts.</summary>
    Y2025 = 2025,
}

public static class Eras
{
    /// <summary>The first day of the 2025 map; periods before it are measured on 2024 units.</summary>
    public static readonly DateOnly ReformDate = new(2025, 7, 1);

    public static Era ForDate(DateOnly date) => date < ReformDate ? Era.Y2024 : Era.Y2025;

    public static Era Parse(string text) => text.Trim() switch
    {
        "2024" => Era.Y2024,
        "2025" => Era.Y2025,
        _ => throw new FormatException($"era must be 2024 or 2025, not '{text}'"),
    };
}
