using Pipeline.Intake;

namespace Pipeline.Connectors.Telecom;

/// <summary>
/// The columns of one operator's file (CONTRACT.md, "File layout"): the period, the unit as the operator keys it (2024
/// codes with the operator's name for the commune, or 2024 names only), then the same seven value columns for all.
/// </summary>
/// <param name="KeyColumns">The columns that key the unit; all required.</param>
/// <param name="LabelColumn">The operator's name for a code-keyed unit, kept as the key's label; may be empty.</param>
internal sealed record FeedLayout(string Operator, UnitKeyKind Keying, IReadOnlyList<string> KeyColumns, string? LabelColumn)
{
    public const string PeriodColumn = "ky_bao_cao";

    /// <summary>Counts, then the flag; each numerator just before its denominator. The reader relies on this order.</summary>
    public static readonly IReadOnlyList<string> ValueColumns =
        ["so_tb_smartphone_15t", "so_ho_cap_quang", "tong_so_ho", "so_nvh_cap_quang", "tong_so_nvh", "so_cks_ca_nhan", "tslcd_200mbps"];

    private static readonly FeedLayout ByCode = new("", UnitKeyKind.Code, ["ma_tinh", "ma_huyen", "ma_xa"], "ten_xa");
    private static readonly FeedLayout ByName = new("", UnitKeyKind.Name, ["ten_tinh", "ten_huyen", "ten_xa"], null);

    /// <summary>Every column the file must have, in the documented order (the reader finds them by name).</summary>
    public IReadOnlyList<string> Columns => LabelColumn is null
        ? [PeriodColumn, .. KeyColumns, .. ValueColumns]
        : [PeriodColumn, .. KeyColumns, LabelColumn, .. ValueColumns];

    /// <summary>operator-a and operator-c key by 2024 codes; operator-b by 2024 names.</summary>
    public static FeedLayout For(string stream) => stream switch
    {
        TelecomConnector.OperatorA or TelecomConnector.OperatorC => ByCode with { Operator = stream },
        TelecomConnector.OperatorB => ByName with { Operator = stream },
        _ => throw new ArgumentOutOfRangeException(nameof(stream), stream, "not a telecom stream"),
    };
}
