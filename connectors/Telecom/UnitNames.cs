using System.Text.RegularExpressions;

namespace Pipeline.Connectors.Telecom;

/// <summary>
/// The shape a name-keyed operator's unit must have to be a 2024 commune at all: a commune type word (or the
/// abbreviation feeds use), a district type word, a province type word, each followed by a name. Only the shape is
/// checked; whether the name exists is for the normaliser to say, with its tone-placement and abbreviation rules.
/// </summary>
internal static partial class UnitNames
{
    /// <summary>Null when the three names are shaped right, otherwise what is wrong, naming the column and value.</summary>
    public static string? Problem(string province, string district, string commune) =>
        !Commune().IsMatch(commune) ? $"ten_xa '{commune}' is not a commune name (Xã|Phường|Thị trấn ...)"
        : !District().IsMatch(district) ? $"ten_huyen '{district}' is not a 2024 district name (Huyện|Quận|Thị xã|Thành phố ...)"
        : !Province().IsMatch(province) ? $"ten_tinh '{province}' is not a province name (Tỉnh|Thành phố ...)"
        : null;

    [GeneratedRegex(@"^\s*(?:(?:Xã|Phường|Thị\s+trấn)\s+|(?:X|P|TT)\.\s*)\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Commune();

    [GeneratedRegex(@"^\s*(?:(?:Huyện|Quận|Thị\s+xã|Thành\s+phố)\s+|(?:H|Q|TX|TP)\.\s*)\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex District();

    [GeneratedRegex(@"^\s*(?:(?:Tỉnh|Thành\s+phố)\s+|(?:T|TP)\.\s*)\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Province();
}
