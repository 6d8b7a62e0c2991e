using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Pipeline.Connectors.Health;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Core;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Intake.PersonalData;
using Pipeline.Simulators;
using Pipeline.Simulators.Health;

namespace Pipeline.Connectors.Tests.Health;

/// <summary>
/// The field mapping of connectors/Health/CONTRACT.md, from the samples in that file (so the document and the code
/// cannot drift apart), the row checks specific to a facility-keyed feed, and the simulator's registry and figures
/// against what SOURCES.md section 6 says the real platform holds.
/// </summary>
public sealed class HealthContractTests
{
    private static readonly Period October = Period.Month(2025, 10);

    [Fact]
    public async Task ContractSamples_LandAsTheDocumentedRecords()
    {
        var session = await PullAsync(Sample("facilities"), Sample("statistics"));

        var records = session.Records.OrderBy(r => r.Unit.Value).ThenBy(r => r.Indicator).ToList();
        Assert.Equal(
            [
                "86018|Bệnh viện Đa khoa Hòa Bình | 29830|emr|||1|Flag",
                "86019|Phòng khám đa khoa khu vực Hòa Bình | 29830|emr|||1|Flag",
                "86054|Trạm Y tế xã Hòa Bình | 29830|ehealth_records|8092|25794||Count",
                "86054|Trạm Y tế xã Hòa Bình | 29830|his_3532|||1|Flag",
            ],
            records.Select(r => $"{r.Unit.Value}|{r.Unit.Label}|{r.Indicator}|{r.Numerator}|{r.Denominator}|{r.Value}|{r.ValueUnit}"));
        Assert.All(records, r => Assert.Equal(UnitKeyKind.SourceId, r.Unit.Kind));
        Assert.All(records, r => Assert.Equal("2025-10", r.Period));
        Assert.Empty(session.Quarantined);

        // Statistics first, then the registry page that validated them, landed without records.
        Assert.Equal(["statistics", "facilities"], session.Pages.Select(p => p.Payload.Stream));
        Assert.Empty(session.Pages[1].Records);
        Assert.Equal("2025-12-15T00:00:00.0000000+00:00", JsonDocument.Parse(session.Cursors["statistics"]).RootElement.GetProperty("Watermark").GetString());
    }

    [Fact]
    public async Task SecondPull_AsksOnlyForRowsUpdatedAfterTheFirstPassAsOf_AndSkipsTheRegistryWhenNothingIsNew()
    {
        var statistics = Sample("statistics");
        var api = new FakeHealthApi(
            _ => Sample("facilities"),
            (_, _, after) => after is null ? statistics : Edit(statistics, root =>
            {
                root["items"] = new JsonArray();
                root["total"] = 0;
                root["total_pages"] = 0;
            }));
        var session = new MemorySession(HealthConnector.Descriptor, October);
        await Connector(api).PullAsync(session, CancellationToken.None);
        api.Calls.Clear();

        await Connector(api).PullAsync(session, CancellationToken.None);

        Assert.Equal(["statistics ky=2025-10 page=1 size=500 updated_after=2025-12-15T00:00:00.0000000+00:00"], api.Calls);
        Assert.Empty(session.Pages[^1].Records);
    }

    [Fact]
    public async Task StatisticsRowForAFacilityNotInTheRegistry_IsQuarantinedAsUnknownUnit()
    {
        var session = await PullAsync(Sample("facilities"), EditItem(Sample("statistics"), 2, item => item["MA_CSKCB"] = "86999"));

        var q = Assert.Single(session.Quarantined);
        Assert.Equal(QuarantineReasons.UnknownUnit, q.Reason);
        Assert.Equal("items[2]", q.RecordRef);
        Assert.Contains("'86999' is not in the facility registry", q.Detail);
        Assert.DoesNotContain(session.Records, r => r.Unit.Value is "86999" or "86054");
    }

    [Theory]
    [InlineData(2, "benh_an_dien_tu", 1, "benh_an_dien_tu = 1 given for TYT '86054'")]
    [InlineData(0, "dan_so_quan_ly", 5000, "dan_so_quan_ly = 5000 given for BV '86018'")]
    [InlineData(2, "so_nguoi_co_so_suc_khoe_dien_tu", 30000, "so_nguoi_co_so_suc_khoe_dien_tu = 30000 exceeds dan_so_quan_ly = 25794")]
    [InlineData(2, "his_3532", 2, "his_3532 = 2 is not 0 or 1")]
    [InlineData(2, "dan_so_quan_ly", -5, "dan_so_quan_ly = -5 is not a non-negative whole number")]
    public async Task ImplausibleValue_IsQuarantinedAsBadValue_NamingFieldAndValue(int index, string field, int value, string detail)
    {
        var session = await PullAsync(Sample("facilities"), EditItem(Sample("statistics"), index, item => item[field] = value));

        var q = Assert.Single(session.Quarantined);
        Assert.Equal(QuarantineReasons.BadValue, q.Reason);
        Assert.Contains(detail, q.Detail);
        Assert.Equal(index == 2 ? 2 : 3, session.Records.Count());
    }

    [Fact]
    public async Task NullInAFieldThatApplies_IsQuarantinedAsMissingField()
    {
        var session = await PullAsync(Sample("facilities"), EditItem(Sample("statistics"), 2, item => item["his_3532"] = null));

        var q = Assert.Single(session.Quarantined);
        Assert.Equal(QuarantineReasons.MissingField, q.Reason);
        Assert.Equal("his_3532 is null for TYT '86054'", q.Detail);
    }

    [Fact]
    public async Task RegistryRowOutsideThe2025Communes_IsQuarantined_AndSoAreItsStatistics()
    {
        var session = await PullAsync(EditItem(Sample("facilities"), 0, item => item["MA_XA"] = "99999"), Sample("statistics"));

        Assert.Equal(
            [
                ("facilities", QuarantineReasons.UnknownUnit, "MA_XA '99999' of MA_CSKCB '86018' is not a 2025 commune code"),
                ("statistics", QuarantineReasons.UnknownUnit, "MA_CSKCB '86018' has no accepted registry row (MA_XA '99999' of MA_CSKCB '86018' is not a 2025 commune code)"),
            ],
            session.Pages.SelectMany(p => p.Quarantined.Select(q => (p.Payload.Stream, q.Reason, q.Detail))).OrderBy(q => q.Stream));
        Assert.Equal(3, session.Records.Count());
    }

    [Fact]
    public async Task RegistryRowOfAnUnlistedKind_IsQuarantinedAsBadValue()
    {
        var session = await PullAsync(EditItem(Sample("facilities"), 1, item => item["LOAI"] = "TTYT"), Sample("statistics"));

        Assert.Contains(session.Quarantined, q => q.Reason == QuarantineReasons.BadValue && q.Detail == "LOAI 'TTYT' of MA_CSKCB '86019' is not one of TYT, BV, PK");
        Assert.DoesNotContain(session.Records, r => r.Unit.Value == "86019");
    }

    [Fact]
    public async Task RenamedRegistryField_FailsTheRunNamingIt_AndLandsNothing()
    {
        var facilities = EditItem(Sample("facilities"), 0, item =>
        {
            item["MA_XA_v2"] = item["MA_XA"]!.GetValue<string>();
            item.AsObject().Remove("MA_XA");
        });
        var session = new MemorySession(HealthConnector.Descriptor, October);

        var e = await Assert.ThrowsAsync<SourceFormatException>(() =>
            Connector(new FakeHealthApi(_ => facilities, (_, _, _) => Sample("statistics"))).PullAsync(session, CancellationToken.None));

        Assert.Contains("no field 'MA_XA'", e.Message);
        Assert.Contains("MA_XA_v2", e.Message);
        Assert.Empty(session.Pages);
    }

    [Fact]
    public async Task CitizenIdInTheRegistry_RefusesItWhole_AndLandsNothing()
    {
        var facilities = EditItem(Sample("facilities"), 2, item => item["so_cccd"] = "001099012345");
        var session = new MemorySession(HealthConnector.Descriptor, October);

        await Assert.ThrowsAsync<PersonalDataRejectedException>(() =>
            Connector(new FakeHealthApi(_ => facilities, (_, _, _) => Sample("statistics"))).PullAsync(session, CancellationToken.None));

        Assert.Equal(["facilities: field $.items[2].so_cccd is a personal identifier"], session.Rejected);
        Assert.Empty(session.Pages);
    }

    [Fact]
    public async Task AnswerForAnotherMonth_FailsTheRun()
    {
        var session = new MemorySession(HealthConnector.Descriptor, October);
        var api = new FakeHealthApi(_ => Sample("facilities"), (_, _, _) => Edit(Sample("statistics"), root => root["ky"] = "2025-09"));

        var e = await Assert.ThrowsAsync<SourceFormatException>(() => Connector(api).PullAsync(session, CancellationToken.None));

        Assert.Equal("health statistics answered for ky 2025-09 when asked for 2025-10", e.Message);
    }

    [Fact]
    public async Task Simulator_RefusesARequestWithoutTheBearerToken()
    {
        using var simulator = new HealthSimulator(SharedData.Simulation, new SimulationClock());
        simulator.Start();
        using var http = new HttpClient { BaseAddress = simulator.Url };

        using var response = await http.GetAsync(new Uri("/api/v1/statistics?ky=2025-10&page=1&size=10", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("bearer token", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void SimulatedRegistry_HasOneStationPerCommune_AboutTheNationalHospitalCount_AndUniqueFiveCharacterCodes()
    {
        var facilities = new HealthSimulator(SharedData.Simulation, new SimulationClock()).Facilities;
        var communes = SharedData.Units.Units2025.Where(u => u.Level == UnitLevel.Commune).Select(u => u.Code).ToHashSet();

        var stations = facilities.Where(f => f.Kind == HealthFacility.Station).ToList();
        Assert.Equal(communes.Count, stations.Count);
        Assert.True(communes.SetEquals(stations.Select(s => s.Commune.Unit.Code)));
        Assert.InRange(facilities.Count(f => f.Kind == HealthFacility.Hospital), 1_550, 1_750);
        Assert.All(facilities, f => Assert.Matches("^[0-9]{5}$", f.Code));
        Assert.Equal(facilities.Count, facilities.Select(f => f.Code).Distinct().Count());
        Assert.All(facilities, f => Assert.Contains(f.Commune.Unit.Code, communes));
    }

    [Fact]
    public async Task SimulatedFigures_MatchTheNationalFiguresOfJanuary2026()
    {
        using var simulator = new HealthSimulator(SharedData.Simulation, new SimulationClock(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        simulator.Start();
        var kinds = simulator.Facilities.ToDictionary(f => f.Code, f => f.Kind);
        var provinces = simulator.Facilities.ToDictionary(f => f.Code, f => f.Commune.Unit.ProvinceCode);
        var byProvince = new Dictionary<string, (long Books, long Served)>();
        using var http = new HttpClient { BaseAddress = simulator.Url };
        http.DefaultRequestHeaders.Add("Authorization", $"Bearer {HealthSimulator.Token}");

        var (books, served, his, stations, emr, hospitals) = (0L, 0L, 0, 0, 0, 0);
        for (var page = 1; ; page++)
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/v1/statistics?ky=2026-01&page={page}&size=1000", UriKind.Relative)));
            foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
            {
                switch (kinds[item.GetProperty("MA_CSKCB").GetString()!])
                {
                    case HealthFacility.Station:
                        var (stationBooks, stationServed) = (item.GetProperty("so_nguoi_co_so_suc_khoe_dien_tu").GetInt64(), item.GetProperty("dan_so_quan_ly").GetInt64());
                        (books, served) = (books + stationBooks, served + stationServed);
                        var province = provinces[item.GetProperty("MA_CSKCB").GetString()!];
                        var sums = byProvince.GetValueOrDefault(province);
                        byProvince[province] = (sums.Books + stationBooks, sums.Served + stationServed);
                        (his, stations) = (his + item.GetProperty("his_3532").GetInt32(), stations + 1);
                        break;
                    case HealthFacility.Hospital:
                        (emr, hospitals) = (emr + item.GetProperty("benh_an_dien_tu").GetInt32(), hospitals + 1);
                        break;
                }
            }

            if (page >= document.RootElement.GetProperty("total_pages").GetInt32())
            {
                break;
            }
        }

        // SOURCES.md H2-H3: >34M e-health books, about a third of the population; 1,210 of 1,650 hospitals with EMR.
        Assert.InRange(books, 34_000_000, 40_000_000);
        Assert.InRange((double)books / served, 0.30, 0.37);
        Assert.InRange((double)emr / hospitals, 0.70, 0.77);
        Assert.InRange((double)his / stations, 0.75, 0.95);

        // The provincial spread is assumed (HealthFigures.ProvinceOffset): provinces differ, not one national mean.
        var shares = byProvince.Values.Select(p => (double)p.Books / p.Served).ToList();
        Assert.Equal(34, shares.Count);
        Assert.InRange(shares.Max() - shares.Min(), 0.12, 0.40);
    }

    private static HealthConnector Connector(IHealthApi api) =>
        new(api, Options.Create(new HealthOptions { ApiToken = "test-token" }), SharedData.Units, TimeProvider.System);

    private static async Task<MemorySession> PullAsync(string facilities, string statistics)
    {
        var session = new MemorySession(HealthConnector.Descriptor, October);
        await Connector(new FakeHealthApi(_ => facilities, (_, _, _) => statistics)).PullAsync(session, CancellationToken.None);
        return session;
    }

    // The JSON block after "<!-- sample: name -->" in CONTRACT.md.
    private static string Sample(string name)
    {
        var text = File.ReadAllText(Path.Combine(PipelineHome.Find(), "connectors", "Health", "CONTRACT.md"));
        var marker = text.IndexOf($"<!-- sample: {name} -->", StringComparison.Ordinal);
        if (marker < 0)
        {
            throw new InvalidOperationException($"CONTRACT.md has no sample '{name}'");
        }

        var start = text.IndexOf("```json\n", marker, StringComparison.Ordinal) + "```json\n".Length;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string Edit(string json, Action<JsonNode> edit)
    {
        var root = JsonNode.Parse(json)!;
        edit(root);
        return root.ToJsonString();
    }

    private static string EditItem(string json, int index, Action<JsonNode> edit) => Edit(json, root => edit(root["items"]![index]!));
}
