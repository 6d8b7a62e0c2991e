using System.Text.RegularExpressions;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Telecom;

/// <summary>
/// How a name-keyed operator writes a 2024 commune: the registry's names, except on a seeded few percent of communes
/// where it writes them the way real feeds do (SPEC section 4): the other tone placement ("Hoà"/"Hòa",
/// "Thuỷ"/"Thủy"), type words abbreviated ("X.", "P.", "TT.", "H.", "Q.", "TX.", "TP."), numbered wards zero-padded
/// ("Phường 01"). Resolving these is the normaliser's job; the connector only checks the shape.
/// </summary>
internal static partial class OperatorNames
{
    private const double VariantShare = 0.05;

    // Tone on the first vowel of a final oa/oe/uy (new style) against tone on the second (old style).
    private static readonly Dictionary<string, string> ToneSwaps = BuildToneSwaps();

    public static (string Province, string District, string Commune) Write(Commune commune, string op)
    {
        var province = commune.Province.Name;
        var district = commune.District!.Name;
        var name = commune.Unit.Name;
        var roll = StableRandom.Uniform("telecom-name-variant", op, commune.Unit.Code);
        if (roll >= VariantShare)
        {
            return (province, district, name);
        }

        return (int)(roll / VariantShare * 4) switch
        {
            0 when SwapTones(name) is var swapped && swapped != name => (province, SwapTones(district), swapped),
            0 or 1 => (province, district, Abbreviate(name, ("Xã ", "X. "), ("Phường ", "P. "), ("Thị trấn ", "TT. "))),
            2 when NumberedWard().Match(name) is { Success: true } m => (province, district, $"{m.Groups[1].Value}0{m.Groups[2].Value}"),
            _ => (Abbreviate(province, ("Thành phố ", "TP. ")), Abbreviate(district, ("Huyện ", "H. "), ("Quận ", "Q. "), ("Thị xã ", "TX. "), ("Thành phố ", "TP. ")), name),
        };
    }

    private static string Abbreviate(string name, params (string Word, string Short)[] words)
    {
        foreach (var (word, abbreviation) in words)
        {
            if (name.StartsWith(word, StringComparison.Ordinal))
            {
                return abbreviation + name[word.Length..];
            }
        }

        return name;
    }

    private static string SwapTones(string name) =>
        FinalToneVowels().Replace(name, m => m.Groups[1].Value + ToneSwaps[m.Groups[2].Value]);

    private static Dictionary<string, string> BuildToneSwaps()
    {
        var swaps = new Dictionary<string, string>(StringComparer.Ordinal);
        string[][] pairs =
        [
            ["òa", "oà"], ["óa", "oá"], ["ỏa", "oả"], ["õa", "oã"], ["ọa", "oạ"],
            ["òe", "oè"], ["óe", "oé"], ["ỏe", "oẻ"], ["õe", "oẽ"], ["ọe", "oẹ"],
            ["ùy", "uỳ"], ["úy", "uý"], ["ủy", "uỷ"], ["ũy", "uỹ"], ["ụy", "uỵ"],
        ];
        foreach (var pair in pairs)
        {
            swaps[pair[0]] = pair[1];
            swaps[pair[1]] = pair[0];
        }

        return swaps;
    }

    // A final oa/oe/uy carrying a tone, not after q (in "quý" the tone always sits on y).
    [GeneratedRegex("([^qQ])(òa|óa|ỏa|õa|ọa|oà|oá|oả|oã|oạ|òe|óe|ỏe|õe|ọe|oè|oé|oẻ|oẽ|oẹ|ùy|úy|ủy|ũy|ụy|uỳ|uý|uỷ|uỹ|uỵ)(?!\\p{L})")]
    private static partial Regex FinalToneVowels();

    [GeneratedRegex("^(Phường )([1-9])$")]
    private static partial Regex NumberedWard();
}
