using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Core.Periods;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// The <c>params</c> JSON of each service the connector calls (CONTRACT.md, "Services"). Field names and value
/// types follow what the real gateway takes: the year as a string, the filters and paging as numbers.
/// </summary>
internal static class PortalRequests
{
    public const string AgencyService = "danhmuc_coquan_service";
    public const string ProcedureService = "report_tthc_xa_service";
    public const string Index766Service = "report_tinh_766_service";

    /// <summary>Commune agencies (level 2, agency type 3) of every province.</summary>
    public static JsonObject Agencies(int page, int pageSize) => new()
    {
        ["type"] = "ref",
        ["service"] = AgencyService,
        ["p_capdonvi"] = 2,
        ["p_loaicoquan"] = 3,
        ["p_tinh_id"] = "0",
        ["pageIndex"] = page,
        ["pageSize"] = pageSize,
    };

    /// <summary>The month's procedures and dossiers per commune agency, rows updated after <paramref name="since"/>.</summary>
    public static JsonObject Procedures(Period period, string? since, int page, int pageSize) => Since(
        new JsonObject
        {
            ["type"] = "ref",
            ["service"] = ProcedureService,
            ["p_nam"] = Year(period),
            ["p_thang"] = period.Number,
            ["p_tinh_id"] = "0",
        },
        since,
        page,
        pageSize);

    /// <summary>The month's 766 scores of commune agencies (<c>p_loaidonvi</c> 3), rows updated after <paramref name="since"/>.</summary>
    public static JsonObject Index766(Period period, string? since, int page, int pageSize) => Since(
        new JsonObject
        {
            ["type"] = "ref",
            ["service"] = Index766Service,
            ["p_nam"] = Year(period),
            ["p_6thang"] = 0,
            ["p_quy"] = 0,
            ["p_thang"] = period.Number,
            ["p_tinh_id"] = "0",
            ["p_loaidonvi"] = 3,
            ["loaichitieu"] = 0,
        },
        since,
        page,
        pageSize);

    private static JsonObject Since(JsonObject request, string? since, int page, int pageSize)
    {
        if (since is not null)
        {
            request["p_capnhat_tu"] = since;
        }

        request["pageIndex"] = page;
        request["pageSize"] = pageSize;
        return request;
    }

    private static string Year(Period period) => period.Year.ToString(CultureInfo.InvariantCulture);
}
