namespace Pipeline.Intake;

/// <summary>
/// A unit exactly as the source wrote it. Connectors never resolve units (issue 6's normaliser does, with the
/// keying their <see cref="SourceDescriptor"/> declares); they only check keys against what the source itself
/// publishes, such as its own unit list.
/// </summary>
/// <param name="Value">A code (<c>00004</c>), a full name (<c>Xã Nghĩa Phương, Huyện Tư Nghĩa, Tỉnh Quảng Ngãi</c>) or an id.</param>
/// <param name="Label">The name the source gives the unit beside a code or id (<c>UBND xã Đông Thái - tỉnh An Giang</c>),
/// which is what a mapping from the source's ids to unit codes is built from; null when the source gives none.</param>
public sealed record UnitKey(UnitKeyKind Kind, string Value, string? Label = null);

public enum UnitKeyKind
{
    /// <summary>A statistics-office (GSO) code of the era the source declares.</summary>
    Code,

    /// <summary>A full name with its district and province, as written by the source.</summary>
    Name,

    /// <summary>The source's own identifier (portal agency id, postcode, facility code), mapped through a table.</summary>
    SourceId,
}

public static class UnitKeyKinds
{
    public static string ToText(this UnitKeyKind kind) => kind switch
    {
        UnitKeyKind.Code => "code",
        UnitKeyKind.Name => "name",
        _ => "source_id",
    };

    /// <summary>The kind written as <see cref="ToText"/> writes it (as stored in <c>unit_key_kind</c> columns).</summary>
    public static UnitKeyKind Parse(string text) => text switch
    {
        "code" => UnitKeyKind.Code,
        "name" => UnitKeyKind.Name,
        "source_id" => UnitKeyKind.SourceId,
        _ => throw new FormatException($"unit key kind '{text}' is not code, name or source_id"),
    };
}
