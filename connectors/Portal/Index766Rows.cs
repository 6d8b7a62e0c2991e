using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// Rows of <c>report_tinh_766_service</c> for commune agencies: the Decision 766 component scores and total.
/// The portal gives only scores, so they are stored as <see cref="ValueUnit.Score"/> with the group's maximum as
/// denominator. The two online-service fields carry no denominator: dashboards disagree on whether TTTT or CLGQ
/// is the 12-point one (SOURCES.md section 1), so both are only checked against the larger bound.
/// </summary>
internal sealed class Index766Rows : IReportRows
{
    // field, indicator, the maximum stored as denominator (null when disputed), the bound a valid score stays within.
    private static readonly (string Field, string Indicator, decimal? Maximum, decimal Bound)[] Scores =
    [
        ("CKMB", "index766_transparency", 18, 18),
        ("TDGQ", "index766_progress", 20, 20),
        ("TTTT", "index766_online_tttt", null, 12),
        ("CLGQ", "index766_online_clgq", null, 12),
        ("MDHL", "index766_satisfaction", 18, 18),
        ("MDSH", "index766_digitisation", 22, 22),
        ("TONG_SCORE", "index766_total", 100, 100),
    ];

    // Declared after the tables above: static fields initialise in text order, and the constructor reads them.
    public static readonly Index766Rows Instance = new();

    private Index766Rows()
    {
    }

    public string Service => PortalRequests.Index766Service;

    public IReadOnlyList<string> Fields { get; } = Scores.Select(s => s.Field).ToArray();

    public string? Problem(JsonElement row)
    {
        foreach (var (field, _, _, bound) in Scores)
        {
            if (PortalJson.Score(row, field, bound, out _) is { } bad)
            {
                return bad;
            }
        }

        return null;
    }

    public IEnumerable<SourceRecord> Records(JsonElement row, UnitKey unit, string period, string at)
    {
        foreach (var (field, indicator, maximum, _) in Scores)
        {
            yield return new SourceRecord(unit, indicator, period, null, maximum, row.GetProperty(field).GetDecimal(), ValueUnit.Score, at);
        }
    }
}
