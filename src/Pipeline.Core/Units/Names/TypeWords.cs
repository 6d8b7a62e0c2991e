namespace Pipeline.Core.Units.Names;

/// <summary>
/// The type words that start unit names, in full and abbreviated, per level. "Thành phố" is a province (Hà Nội) or
/// a district (a provincial city); "TP" is read the same way at both levels.
/// </summary>
internal static class TypeWords
{
    private static readonly (string[] Words, string Type)[] Province =
    [
        (["tỉnh"], "tỉnh"), (["t."], "tỉnh"),
        (["thành", "phố"], "thành phố"), (["tp."], "thành phố"), (["tp"], "thành phố"),
    ];

    private static readonly (string[] Words, string Type)[] District =
    [
        (["huyện"], "huyện"), (["h."], "huyện"),
        (["quận"], "quận"), (["q."], "quận"),
        (["thị", "xã"], "thị xã"), (["tx."], "thị xã"), (["tx"], "thị xã"),
        (["thành", "phố"], "thành phố"), (["tp."], "thành phố"), (["tp"], "thành phố"),
    ];

    private static readonly (string[] Words, string Type)[] Commune =
    [
        (["xã"], "xã"), (["x."], "xã"),
        (["phường"], "phường"), (["p."], "phường"),
        (["thị", "trấn"], "thị trấn"), (["tt."], "thị trấn"), (["tt"], "thị trấn"),
        (["đặc", "khu"], "đặc khu"),
    ];

    /// <summary>The canonical type of the leading type words, and the words after them (all of them when none).</summary>
    public static (string? Type, IReadOnlyList<string> Remainder) Split(IReadOnlyList<string> words, UnitLevel level)
    {
        var table = level switch
        {
            UnitLevel.Province => Province,
            UnitLevel.District => District,
            _ => Commune,
        };
        foreach (var (prefix, type) in table)
        {
            // Only when a name is left after the type word: "Phường 1" keeps "1", a bare "Xã" stays a name. A word
            // written without diacritics counts as its type word ("Tinh", "Xa", "Thi tran").
            if (words.Count > prefix.Length && prefix.Select((w, i) => Same(words[i], w)).All(same => same))
            {
                return (type, words.Skip(prefix.Length).ToList());
            }
        }

        return (null, words);
    }

    private static bool Same(string word, string typeWord) =>
        word == typeWord || (word.All(char.IsAscii) && word == UnitName.Fold(typeWord));

    /// <summary>The canonical type of a unit's own type field ("Xã", "Thị trấn", "Thành phố").</summary>
    public static string Canonical(string unitType) => unitType.ToLowerInvariant();
}
