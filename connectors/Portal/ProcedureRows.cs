using System.Globalization;
using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// Rows of <c>report_tthc_xa_service</c>: per commune agency and month, the procedures it has (total, eligible for
/// full online, offered fully online) and the dossiers it received (all, online, handled fully online). Each subset
/// must fit inside its whole; a row where one does not is quarantined rather than stored as a rate above 100%.
/// </summary>
internal sealed class ProcedureRows : IReportRows
{
    // indicator, numerator field, denominator field (the whole the numerator is a part of).
    private static readonly (string Indicator, string Field, string? Whole)[] Indicators =
    [
        ("procedures_total", "TONG_TTHC", null),
        ("procedures_eligible_fully_online", "TTHC_DU_DK_TOANTRINH", "TONG_TTHC"),
        ("procedures_offered_fully_online", "TTHC_TOANTRINH", "TTHC_DU_DK_TOANTRINH"),
        ("dossiers_received", "HS_TIEPNHAN", null),
        ("dossiers_received_online", "HS_TRUCTUYEN", "HS_TIEPNHAN"),
        ("dossiers_fully_online", "HS_TOANTRINH", "HS_TIEPNHAN"),
    ];

    // Parts that must not exceed their whole: the denominators above, and fully online dossiers being online ones.
    private static readonly (string Part, string Whole)[] Within =
    [
        ("TTHC_DU_DK_TOANTRINH", "TONG_TTHC"),
        ("TTHC_TOANTRINH", "TTHC_DU_DK_TOANTRINH"),
        ("HS_TRUCTUYEN", "HS_TIEPNHAN"),
        ("HS_TOANTRINH", "HS_TRUCTUYEN"),
    ];

    // Declared after the tables above: static fields initialise in text order, and the constructor reads them.
    public static readonly ProcedureRows Instance = new();

    private ProcedureRows()
    {
    }

    public string Service => PortalRequests.ProcedureService;

    public IReadOnlyList<string> Fields { get; } = Indicators.Select(i => i.Field).ToArray();

    public string? Problem(JsonElement row)
    {
        var values = new Dictionary<string, decimal>();
        foreach (var field in Fields)
        {
            if (PortalJson.Count(row, field, out var value) is { } bad)
            {
                return bad;
            }

            values[field] = value;
        }

        foreach (var (part, whole) in Within)
        {
            if (values[part] > values[whole])
            {
                return string.Create(CultureInfo.InvariantCulture, $"{part} = {values[part]} exceeds {whole} = {values[whole]}");
            }
        }

        return null;
    }

    public IEnumerable<SourceRecord> Records(JsonElement row, UnitKey unit, string period, string at)
    {
        foreach (var (indicator, field, whole) in Indicators)
        {
            yield return new SourceRecord(
                unit,
                indicator,
                period,
                row.GetProperty(field).GetDecimal(),
                whole is null ? null : row.GetProperty(whole).GetDecimal(),
                null,
                ValueUnit.Count,
                at);
        }
    }
}
