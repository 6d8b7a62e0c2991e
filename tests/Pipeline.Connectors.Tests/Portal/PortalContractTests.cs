using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Connectors.Portal;
using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Core;
using Pipeline.Core.Periods;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Portal;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Portal;

/// <summary>
/// CONTRACT.md against the code: its sample payloads parse into the records it lists, the quarantine and drift
/// rules hold, the cursor only trusts steady passes, and the simulator serves the shapes and ranges it documents.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed partial class PortalContractTests(PostgresServer server)
{
    private static readonly Period October = Period.Month(2025, 10);
    private static readonly HashSet<string> Known = ["470705"];
    private static readonly UnitKey DongThai = new(UnitKeyKind.SourceId, "470705", "UBND xã Đông Thái - tỉnh An Giang");

    [Fact]
    public void ProceduresSample_ParsesIntoSixCountRecords_KeyedByThePortalId()
    {
        var page = ReportPage.Read(Sample("procedures"), ProcedureRows.Instance, "2025-10", Known);

        Assert.Empty(page.Quarantined);
        Assert.Equal((1, 3321, "11/11/2025 07:00:00"), (page.Rows, page.Total, page.Latest));
        Assert.All(page.Records, r => Assert.Equal((DongThai, "2025-10", ValueUnit.Count, (decimal?)null), (r.Unit, r.Period, r.ValueUnit, r.Value)));
        Assert.Equal(
            [
                ("procedures_total", 312m, (decimal?)null),
                ("procedures_eligible_fully_online", 231m, 312m),
                ("procedures_offered_fully_online", 174m, 231m),
                ("dossiers_received", 402m, null),
                ("dossiers_received_online", 236m, 402m),
                ("dossiers_fully_online", 81m, 402m),
            ],
            page.Records.Select(r => (r.Indicator, r.Numerator!.Value, r.Denominator)));
    }

    [Fact]
    public void Index766Sample_ParsesIntoScores_WithTheirMaximaAsDenominators()
    {
        var page = ReportPage.Read(Sample("index766"), Index766Rows.Instance, "2025-10", Known);

        Assert.Empty(page.Quarantined);
        Assert.All(page.Records, r => Assert.Equal((DongThai, ValueUnit.Score, (decimal?)null), (r.Unit, r.ValueUnit, r.Numerator)));
        Assert.Equal(
            [
                ("index766_transparency", 18m, (decimal?)18m),
                ("index766_progress", 19.81m, 20m),
                ("index766_online_tttt", 8.55m, null),
                ("index766_online_clgq", 8.1m, null),
                ("index766_satisfaction", 18m, 18m),
                ("index766_digitisation", 20.75m, 22m),
                ("index766_total", 93.21m, 100m),
            ],
            page.Records.Select(r => (r.Indicator, r.Value!.Value, r.Denominator)));
    }

    [Fact]
    public void AgenciesSample_KnowsTheCommune_AndQuarantinesTheProvinceRow()
    {
        var ids = new HashSet<string>();
        var (rows, total, quarantined) = AgencyList.Read(Sample("agencies"), ids);

        Assert.Equal((2, 3321), (rows, total));
        Assert.Equal(["470705"], ids);
        var bad = Assert.Single(quarantined);
        Assert.Equal((QuarantineReasons.BadValue, "row[1]"), (bad.Reason, bad.RecordRef));
        Assert.Contains("CAPDONVIID = '1'", bad.Detail);
    }

    [Fact]
    public void AgencyList_RowRepeatedOnALaterPage_IsQuarantinedAsDuplicate()
    {
        var ids = new HashSet<string>();
        AgencyList.Read(Sample("agencies"), ids);
        var (_, _, quarantined) = AgencyList.Read(Sample("agencies"), ids);

        Assert.Contains(quarantined, q => q.Reason == QuarantineReasons.DuplicateRow && q.Detail.Contains("'470705'"));
    }

    [Theory]
    [InlineData("ID", "\"999999\"", QuarantineReasons.UnknownUnit, "ID '999999' is not in the portal's commune agency list")]
    [InlineData("TEN", "\"\"", QuarantineReasons.MissingField, "TEN is empty for ID '470705'")]
    [InlineData("HS_TOANTRINH", "300", QuarantineReasons.BadValue, "HS_TOANTRINH = 300 exceeds HS_TRUCTUYEN = 236")]
    [InlineData("TTHC_TOANTRINH", "232", QuarantineReasons.BadValue, "TTHC_TOANTRINH = 232 exceeds TTHC_DU_DK_TOANTRINH = 231")]
    [InlineData("HS_TIEPNHAN", "\"402\"", QuarantineReasons.BadValue, "HS_TIEPNHAN = \"402\" is not a non-negative whole number")]
    [InlineData("TONG_TTHC", "-1", QuarantineReasons.BadValue, "TONG_TTHC = -1 is not a non-negative whole number")]
    [InlineData("NGAY_CAPNHAT", "\"2025-11-11\"", QuarantineReasons.BadValue, "NGAY_CAPNHAT = \"2025-11-11\" is not dd/MM/yyyy HH:mm:ss")]
    public void ProcedureRow_WithABadField_IsQuarantinedNamingFieldAndValue(string field, string json, string reason, string detail)
    {
        var page = ReportPage.Read(Changed("procedures", field, json), ProcedureRows.Instance, "2025-10", Known);

        Assert.Empty(page.Records);
        var bad = Assert.Single(page.Quarantined);
        Assert.Equal((reason, detail), (bad.Reason, bad.Detail));
        Assert.Contains("\"TONG_TTHC\"", bad.Raw);
    }

    [Fact]
    public void Index766Row_WithAScoreAboveItsMaximum_IsQuarantined()
    {
        var page = ReportPage.Read(Changed("index766", "MDSH", "22.5"), Index766Rows.Instance, "2025-10", Known);

        Assert.Equal("MDSH = 22.5 is not a score between 0 and 22", Assert.Single(page.Quarantined).Detail);
    }

    [Fact]
    public void ReportRow_WithADuplicateId_KeepsTheFirstAndQuarantinesTheSecond()
    {
        var rows = JsonNode.Parse(Sample("procedures"))!.AsArray();
        rows.Add(rows[0]!.DeepClone());
        var page = ReportPage.Read(Encoding.UTF8.GetBytes(rows.ToJsonString()), ProcedureRows.Instance, "2025-10", Known);

        Assert.Equal(6, page.Records.Count);
        Assert.Equal(("row[1]", QuarantineReasons.DuplicateRow), (Assert.Single(page.Quarantined).RecordRef, page.Quarantined[0].Reason));
    }

    [Theory]
    [InlineData("procedures", "HS_TOANTRINH")]
    [InlineData("procedures", "TOTAL_ROW")]
    [InlineData("index766", "TTTT")]
    [InlineData("index766", "NGAY_CAPNHAT")]
    public void ReportRow_MissingADocumentedField_FailsNamingItAndTheFieldsNow(string sample, string field)
    {
        var rows = JsonNode.Parse(Sample(sample))!.AsArray();
        var row = rows[0]!.AsObject();
        row[$"{field}_v2"] = row[field]!.DeepClone();
        row.Remove(field);
        IReportRows report = sample == "procedures" ? ProcedureRows.Instance : Index766Rows.Instance;

        var e = Assert.Throws<SourceFormatException>(() => ReportPage.Read(Encoding.UTF8.GetBytes(rows.ToJsonString()), report, "2025-10", Known));
        Assert.Contains($"no field '{field}'", e.Message);
        Assert.Contains($"{field}_v2", e.Message);
    }

    [Fact]
    public void Reply_ThatIsNotAnArray_IsAFormatError()
    {
        var e = Assert.Throws<SourceFormatException>(() => ReportPage.Read("{\"error\":\"x\"}"u8.ToArray(), ProcedureRows.Instance, "2025-10", Known));
        Assert.Contains("array", e.Message);
    }

    [Fact]
    public void Pass_MovesTheWatermarkToItsLatestRow_OnlyWhenSteady()
    {
        ReportPage Page(int total, string? latest) => new([], [], 500, total, latest);
        var pass = PortalPass.Start("01/11/2025 00:00:00", 500, runId: 7);

        var steady = pass.After(Page(900, "11/11/2025 07:00:00"), 7).After(Page(900, "05/11/2025 07:00:00"), 7);
        var resumed = pass.After(Page(900, "11/11/2025 07:00:00"), 7).After(Page(900, "12/11/2025 07:00:00"), 8);
        var shifted = pass.After(Page(900, "11/11/2025 07:00:00"), 7).After(Page(901, "12/11/2025 07:00:00"), 7);

        Assert.Equal((3, "11/11/2025 07:00:00"), (steady.NextPage, steady.Watermark()));
        Assert.Equal("01/11/2025 00:00:00", resumed.Watermark());
        Assert.Equal("01/11/2025 00:00:00", shifted.Watermark());
        Assert.True(pass.EndsWith(Page(500, null)));
        Assert.False(pass.EndsWith(Page(501, null)));
    }

    [Fact]
    public async Task Simulator_ListsOneAgencyPerCommune_InThePortalsShapes()
    {
        using var sim = Start();
        var rows = new List<JsonNode>();
        for (var page = 1; page <= 4; page++)
        {
            var (status, body) = await PostAsync(sim, $$"""{"type":"ref","service":"danhmuc_coquan_service","p_capdonvi":2,"p_loaicoquan":3,"p_tinh_id":"0","pageIndex":{{page}},"pageSize":1000}""");
            Assert.Equal(HttpStatusCode.OK, status);
            rows.AddRange(body!.AsArray()!.Select(r => r!));
        }

        Assert.Equal(3321, rows.Count);
        Assert.All(rows, r => Assert.Equal(3321, (int)r["TOTAL_ROW"]!));
        Assert.Equal(Enumerable.Range(1, 3321), rows.Select(r => (int)r["ROW_STT"]!));
        Assert.Equal(3321, rows.Select(r => (string)r["ID"]!).Distinct().Count());
        Assert.All(rows, r => Assert.Matches(SixDigits(), (string)r["ID"]!));
        Assert.All(rows, r => Assert.Matches(AgencyName(), (string)r["TEN"]!));
        Assert.All(rows, r => Assert.Matches(AgencyCode(), (string)r["MA_COQUAN"]!));
        Assert.Equal(34, rows.Select(r => ((string)r["MA_COQUAN"]!)[..3]).Distinct().Count());
        Assert.All(rows.Where(r => ((string)r["TEN"]!).EndsWith(" - tỉnh An Giang", StringComparison.Ordinal)), r => Assert.StartsWith("H01.", (string)r["MA_COQUAN"]!));
        Assert.Equal(3321, rows.Select(r => (string)r["MA_COQUAN"]!).Distinct().Count());
    }

    [Fact]
    public async Task Simulator_RefusesACallWithoutTheXhrHeader()
    {
        using var sim = Start();
        var (status, _) = await PostAsync(sim, """{"service":"report_tthc_xa_service","p_nam":"2025","p_thang":10,"pageIndex":1,"pageSize":10}""", xhr: false);

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public void Simulator_Values_FollowThePublishedRanges()
    {
        var sim = new PortalSimulator(SharedData.Simulation, new SimulationClock());
        var rows = sim.Agencies.Select(a => (Agency: a, Values: sim.Values(a, October)!.Value)).ToList();
        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

        var fully = Median(rows.Select(r => Share(r.Values.Procedures[5], r.Values.Procedures[3])));
        var wards = Median(rows.Where(r => r.Agency.Commune.Unit.Type == "Phường").Select(r => Share(r.Values.Procedures[5], r.Values.Procedures[3])));
        var rural = Median(rows.Where(r => r.Agency.Commune.Unit.Type == "Xã").Select(r => Share(r.Values.Procedures[5], r.Values.Procedures[3])));
        var offered = Median(rows.Select(r => Share(r.Values.Procedures[2], r.Values.Procedures[0])));
        Assert.InRange(fully, 0.15, 0.25);
        Assert.True(wards > rural + 0.03, $"wards {wards:F3} should handle more dossiers fully online than rural communes {rural:F3}");
        Assert.InRange(offered, 0.50, 0.60);

        // Dossiers per month 0.5-3% of the population (the shared data has a few communes of a handful of people, where rounding rules).
        Assert.All(rows.Where(r => r.Agency.Commune.Population >= 1000), r =>
            Assert.InRange(Share(r.Values.Procedures[3], r.Agency.Commune.Population), 0.0049, 0.0301));
        Assert.All(rows, r => Assert.True(
            r.Values.Procedures[5] <= r.Values.Procedures[4] && r.Values.Procedures[4] <= r.Values.Procedures[3]
            && r.Values.Procedures[2] <= r.Values.Procedures[1] && r.Values.Procedures[1] <= r.Values.Procedures[0]));

        Assert.InRange(Median(rows.Select(r => (double)r.Values.Index766[6])), 90, 94);
        Assert.All(rows, r => Assert.True(r.Values.Index766[3] <= 10 && r.Values.Index766[4] <= 10, "TTTT and CLGQ stay within 10"));
        Assert.All(rows, r => Assert.Equal(r.Values.Index766[..6].Sum(), r.Values.Index766[6]));
    }

    [Fact]
    public async Task Simulator_UpdatedSince_ServesOnlyRowsRecomputedAfterIt()
    {
        using var sim = Start();
        const string Since = """{"type":"ref","service":"report_tthc_xa_service","p_nam":"2025","p_thang":10,"p_tinh_id":"0","p_capnhat_tu":"11/11/2025 07:00:00","pageIndex":1,"pageSize":1000}""";

        var (_, before) = await PostAsync(sim, Since);
        sim.Clock.AsOf = sim.Clock.AsOf.AddDays(90);
        var (_, after) = await PostAsync(sim, Since);

        Assert.Empty(before!.AsArray());
        Assert.InRange(after!.AsArray().Count, 50, 200);
        Assert.All(after.AsArray(), r => Assert.Equal("16/12/2025 07:00:00", (string)r!["NGAY_CAPNHAT"]!));
    }

    [Fact]
    public async Task Pull_LandsTheSimulatorsValues_AndTheAgencyListAsPayloadsOnly()
    {
        await using var h = await SourceHarness.StartAsync(server, new PortalSimulator(SharedData.Simulation, new SimulationClock()), (services, url) =>
            services.AddSourceConnector<IPortalApi, PortalConnector, PortalOptions>(o =>
            {
                o.Http.BaseAddress = url;
                SourceHarness.Fast(o.Http);
                o.PageSize = 1000;
            }, o => o.Http));
        var sim = (PortalSimulator)h.Simulator;
        var agency = sim.Agencies[1234];
        var expected = sim.Values(agency, October)!.Value;

        var report = await h.PullAsync(October);

        Assert.Equal("succeeded", report.Status);
        await using var db = await h.Database.OpenConnectionAsync();
        var records = (await db.QueryAsync<(string Stream, string Label, string Indicator, decimal? Numerator, decimal? Denominator, decimal? Value)>(
            "select stream, unit_label, indicator, numerator, denominator, value from intake.record where unit_key = @id and period = '2025-10'",
            new { id = agency.Id })).ToDictionary(r => r.Indicator);
        Assert.Equal(13, records.Count);
        Assert.All(records.Values, r => Assert.Equal(agency.Name, r.Label));
        Assert.Equal((expected.Procedures[2], (decimal?)expected.Procedures[1]), (records["procedures_offered_fully_online"].Numerator!.Value, records["procedures_offered_fully_online"].Denominator));
        Assert.Equal((expected.Procedures[5], (decimal?)expected.Procedures[3]), (records["dossiers_fully_online"].Numerator!.Value, records["dossiers_fully_online"].Denominator));
        Assert.Equal((expected.Index766[6], (decimal?)100m), (records["index766_total"].Value!.Value, records["index766_total"].Denominator));
        Assert.Equal("index766", records["index766_total"].Stream);

        Assert.Equal(4, await db.ExecuteScalarAsync<int>("select count(*) from intake.payload where stream = 'agencies'"));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("select count(*) from intake.record where stream = 'agencies'"));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*) from intake.payload where stream = 'agencies' and position(convert_to(@code, 'UTF8') in content) > 0", new { code = $"\"{agency.Code}\"" }));
        Assert.Contains("\"Watermark\":\"11/11/2025 07:00:00\"", await db.ExecuteScalarAsync<string>(
            "select position from intake.cursor where stream = 'procedures' and period = '2025-10'"));
    }

    private static PortalSimulator Start()
    {
        var sim = new PortalSimulator(SharedData.Simulation, new SimulationClock());
        sim.Start();
        return sim;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(PortalSimulator sim, string json, bool xhr = true)
    {
        using var http = new HttpClient { BaseAddress = sim.Url };
        if (xhr)
        {
            http.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        }

        using var response = await http.PostAsync("/jsp/rest.jsp", new FormUrlEncodedContent(new Dictionary<string, string> { ["params"] = json }));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.IsSuccessStatusCode ? JsonNode.Parse(body) : null);
    }

    /// <summary>The JSON block after <c>&lt;!-- sample:name --&gt;</c> in CONTRACT.md, so the contract's samples are what is tested.</summary>
    private static byte[] Sample(string name)
    {
        var text = File.ReadAllText(Path.Combine(PipelineHome.Find(), "connectors", "Portal", "CONTRACT.md"));
        var marker = text.IndexOf($"<!-- sample:{name} -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"CONTRACT.md has no sample '{name}'");
        var open = text.IndexOf("```json", marker, StringComparison.Ordinal) + "```json".Length;
        return Encoding.UTF8.GetBytes(text[open..text.IndexOf("```", open, StringComparison.Ordinal)]);
    }

    private static byte[] Changed(string sample, string field, string json)
    {
        var rows = JsonNode.Parse(Sample(sample))!.AsArray();
        rows[0]![field] = JsonNode.Parse(json);
        return Encoding.UTF8.GetBytes(rows.ToJsonString());
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"^UBND (xã|phường|đặc khu) \S.* - (tỉnh|thành phố) \S.*$")]
    private static partial Regex AgencyName();

    [GeneratedRegex(@"^H(0[1-9]|[1-5]\d|6[01])\.\d{3}$")]
    private static partial Regex AgencyCode();
}
