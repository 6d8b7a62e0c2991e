using System.Globalization;
using System.Text;

namespace Pipeline.Core.Units.Names;

/// <summary>
/// A unit name as written by some system, split into its type word ("Xã", "P.", "TT.", "Huyện", "TP") and a key for
/// comparison at three strengths. Keys ignore case, spacing, spaces around apostrophes, hyphens and zero-padding of
/// numbers ("Phường 01" = "Phường 1"), and place the tone mark of each syllable at its end, so "Hoà" and "Hòa" have
/// the same <see cref="Exact"/> key. <see cref="Toneless"/> drops tone marks ("Đăk" = "Đắk"); <see cref="Ascii"/>
/// drops every diacritic, as systems without Vietnamese input write names.
/// </summary>
/// <param name="Type">The canonical type word (<c>xã</c>, <c>phường</c>, <c>thị trấn</c>, <c>huyện</c>, ...), or null when the name has none.</param>
public sealed record UnitName(string? Type, string Exact, string Toneless, string Ascii)
{
    // The five tone marks as combining characters (NFD): grave, acute, tilde, hook above, dot below.
    private const string Tones = "\u0300\u0301\u0303\u0309\u0323";

    /// <param name="readType">False reads every word as the name: for a name whose first word only looks like a type word.</param>
    public static UnitName Parse(string text, UnitLevel level, bool readType = true)
    {
        var words = Words(text);
        var (type, remainder) = readType ? TypeWords.Split(words, level) : (null, words);
        var exact = string.Join(' ', remainder.Select(PlaceTone));
        return new UnitName(type, exact, StripTones(exact), Fold(exact));
    }

    /// <summary>The key at a strength: 0 exact, 1 toneless, 2 ASCII.</summary>
    public string Key(int strength) => strength switch
    {
        0 => Exact,
        1 => Toneless,
        _ => Ascii,
    };

    // Lower-case NFC words; hyphens become spaces, apostrophe variants one apostrophe with no space around it, and
    // an abbreviation's dot is kept on its word ("X.Nghĩa" becomes "x." and "nghĩa").
    private static List<string> Words(string text)
    {
        var t = text.Normalize(NormalizationForm.FormC).ToLowerInvariant()
            .Replace('’', '\'').Replace('‘', '\'').Replace('`', '\'').Replace('´', '\'')
            .Replace('-', ' ').Replace('–', ' ').Replace(".", ". ", StringComparison.Ordinal);
        while (t.Contains(" '", StringComparison.Ordinal) || t.Contains("' ", StringComparison.Ordinal))
        {
            t = t.Replace(" '", "'", StringComparison.Ordinal).Replace("' ", "'", StringComparison.Ordinal);
        }

        return [.. t.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).Select(TrimZeros)];
    }

    private static string TrimZeros(string word) =>
        word.Length > 1 && word.All(char.IsAsciiDigit) ? word.TrimStart('0') is { Length: > 0 } w ? w : "0" : word;

    // Moves the tone mark of a syllable to its end: "hoà" and "hòa" both become "hoa" + grave.
    private static string PlaceTone(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder(decomposed.Length);
        var tone = "";
        foreach (var c in decomposed)
        {
            if (Tones.Contains(c, StringComparison.Ordinal))
            {
                tone = c.ToString();
            }
            else
            {
                letters.Append(c);
            }
        }

        return letters.ToString().Normalize(NormalizationForm.FormC) + tone;
    }

    private static string StripTones(string exact)
    {
        var kept = new StringBuilder(exact.Length);
        foreach (var c in exact)
        {
            if (!Tones.Contains(c, StringComparison.Ordinal))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>Without any diacritic, đ as d: how systems without Vietnamese input write names.</summary>
    internal static string Fold(string exact)
    {
        var kept = new StringBuilder(exact.Length);
        foreach (var c in exact.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c == 'đ' ? 'd' : c);
            }
        }

        return kept.ToString();
    }
}
