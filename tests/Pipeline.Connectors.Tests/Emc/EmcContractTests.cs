using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Connectors.Emc;
using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Core;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Pipeline.Intake.PersonalData;
using Pipeline.Simulators;
using Pipeline.Simulators.Emc;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Portal;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Connectors.Tests.Emc;

/// <summary>
/// The EMC contract (connectors/Emc/CONTRACT.md): its samples parse into the documented records and are what the
/// simulator serves; bad items are quarantined with field and value named; drift fails the run; the cursor pins a
/// pass to its first page's asOf; the simulator's ids, names and rates look like EMC's. No database needed.
/// </summary>
public sealed partial class EmcContractTests
{
    private static readonly Period October = Period.Month(2025, 10);

    [Fact]
    public void Descriptor_KeysBySourceIdsWithoutEra_Monthly()
    {
        Assert.Equal("emc", EmcConnector.Descriptor.Name);
        Assert.Equal(UnitKeyKind.SourceId, EmcConnector.Descriptor.Keying.Kind);
        Assert.Equal(Era.Y2025, EmcConnector.Descriptor.Keying.Era);
        Assert.Equal(UnitLabelShape.CommuneDashProvince, EmcConnector.Descriptor.Keying.Labels);
        Assert.Equal(PeriodKind.Month, EmcConnector.Descriptor.Cadence);
        Assert.Equal(["dossier-stats"], EmcConnector.Descriptor.Streams);
    }

    [Fact]
    public async Task ContractSamples_ParseIntoTheDocumentedRecords()
    {
        var api = new CannedApi(Sample("units"), Sample("dossier-stats"));
        var session = new MemorySession(EmcConnector.Descriptor, October);

        await Connector(api, unitPageSize: 2).PullAsync(session, CancellationToken.None);

        var page = Assert.Single(session.Pages);
        Assert.Empty(page.Quarantined);
        Assert.Equal(
            [
                ("emc-12-00027", "UBND Xã Sóc Sơn - Thành phố Hà Nội", "dossiers_received", 1468m, (decimal?)null),
                ("emc-12-00027", "UBND Xã Sóc Sơn - Thành phố Hà Nội", "dossiers_online", 722m, 1468m),
                ("emc-12-00027", "UBND Xã Sóc Sơn - Thành phố Hà Nội", "dossiers_fully_online", 299m, 1468m),
                ("emc-12-00071", "UBND Phường Hồng Hà - Thành phố Hà Nội", "dossiers_received", 1483m, null),
                ("emc-12-00071", "UBND Phường Hồng Hà - Thành phố Hà Nội", "dossiers_online", 851m, 1483m),
                ("emc-12-00071", "UBND Phường Hồng Hà - Thành phố Hà Nội", "dossiers_fully_online", 308m, 1483m),
            ],
            page.Records.Select(r => (r.Unit.Value, r.Unit.Label!, r.Indicator, r.Numerator!.Value, r.Denominator)).ToList());
        Assert.All(page.Records, r =>
        {
            Assert.Equal(UnitKeyKind.SourceId, r.Unit.Kind);
            Assert.Equal("2025-10", r.Period);
            Assert.Equal(ValueUnit.Count, r.ValueUnit);
            Assert.Null(r.Value);
        });
        Assert.Equal(["data[0]", "data[0]", "data[0]", "data[1]", "data[1]", "data[1]"], page.Records.Select(r => r.RecordRef));
        Assert.Equal("""{"Watermark":"2025-12-15T00:00:00Z","Pass":null}""", page.CursorAfter);
        Assert.Equal(["stats month=2025-10 page=1 size=1000 since= until=", "units page=1 size=2"], api.Calls);
    }

    [Fact]
    public async Task ContractSamples_AreWhatTheSimulatorServes()
    {
        using var simulator = Start();
        using var http = Client(simulator);

        var units = await GetJsonAsync(http, "/api/v2/units?page=1&size=5000");
        var stats = new List<JsonNode>();
        for (var page = 1; page <= 4; page++)
        {
            stats.Add(await GetJsonAsync(http, $"/api/v2/dossier-stats?month=2025-10&page={page}&size=1000"));
        }

        foreach (var (sample, served) in new (byte[], List<JsonNode>)[] { (Sample("units"), [units]), (Sample("dossier-stats"), stats) })
        {
            var byId = served.SelectMany(p => p["data"]!.AsArray()).ToDictionary(i => (string)i!["unitId"]!);
            foreach (var item in JsonNode.Parse(sample)!["data"]!.AsArray())
            {
                Assert.True(JsonNode.DeepEquals(item, byId[(string)item!["unitId"]!]), $"sample {item.ToJsonString()} is not what the simulator serves");
            }
        }

        Assert.Equal(3321, units["data"]!.AsArray().Count);
        Assert.All(stats, p => Assert.Equal("2025-12-15T00:00:00Z", (string)p["asOf"]!));
        Assert.All(stats, p => Assert.Equal((3321, 4), ((int)p["totalItems"]!, (int)p["totalPages"]!)));
        Assert.Equal(321, stats[3]["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task BadItems_AreQuarantined_WithReasonNamingFieldAndValue()
    {
        var stats = Page(
            Item("emc-12-00027", received: "1468", online: "722", fully: "299"),
            Item("emc-99-90001", received: "10", online: "5", fully: "1"),
            Item("emc-12-00071", received: "100", online: "120", fully: "10"),
            Item("emc-12-00072", received: "100", online: "50", fully: "60"),
            Item("emc-12-00073", received: "-3", online: "0", fully: "0"),
            Item("emc-12-00074", received: "\"many\"", online: "0", fully: "0"),
            Item("emc-12-00075", received: "12.5", online: "0", fully: "0"),
            Item("emc-12-00076", received: "null", online: "0", fully: "0"),
            Item("emc-12-00077", received: "10", online: "5", fully: "1", month: "2025-09"),
            Item("emc-12-00078", received: "10", online: "5", fully: "1"),
            Item("emc-12-00078", received: "10", online: "5", fully: "1"),
            Item("emc-12-00079", received: "10", online: "5", fully: "1"),
            Item("emc-12-00079", received: "11", online: "5", fully: "1"));
        var known = Units("emc-12-00027", "emc-12-00071", "emc-12-00072", "emc-12-00073", "emc-12-00074", "emc-12-00075",
            "emc-12-00076", "emc-12-00077", "emc-12-00078", "emc-12-00079");
        var session = new MemorySession(EmcConnector.Descriptor, October);

        await Connector(new CannedApi(known, stats), unitPageSize: 5000).PullAsync(session, CancellationToken.None);

        var page = Assert.Single(session.Pages);
        Assert.Equal(["emc-12-00027", "emc-12-00078"], page.Records.Select(r => r.Unit.Value).Distinct());
        Assert.Equal(
            [
                ("data[1]", QuarantineReasons.UnknownUnit, "unitId \"emc-99-90001\" is not in EMC's unit list (/api/v2/units)"),
                ("data[2]", QuarantineReasons.BadValue, "dossiersReceivedOnline = 120 exceeds dossiersReceived = 100"),
                ("data[3]", QuarantineReasons.BadValue, "dossiersFullyOnline = 60 exceeds dossiersReceivedOnline = 50"),
                ("data[4]", QuarantineReasons.BadValue, "dossiersReceived = -3 is not a non-negative whole number"),
                ("data[5]", QuarantineReasons.BadValue, "dossiersReceived = \"many\" is not a non-negative whole number"),
                ("data[6]", QuarantineReasons.BadValue, "dossiersReceived = 12.5 is not a non-negative whole number"),
                ("data[7]", QuarantineReasons.MissingField, "dossiersReceived is null"),
                ("data[8]", QuarantineReasons.WrongPeriod, "month \"2025-09\" is not the month requested, 2025-10"),
                ("data[10]", QuarantineReasons.DuplicateRow, "second item for unitId 'emc-12-00078' in this page"),
                ("data[11]", QuarantineReasons.DuplicateRow, "unitId 'emc-12-00079' has several items with different values in this page"),
                ("data[12]", QuarantineReasons.DuplicateRow, "unitId 'emc-12-00079' has several items with different values in this page"),
            ],
            page.Quarantined.Select(q => (q.RecordRef, q.Reason, q.Detail)).ToList());
        Assert.Contains("\"unitId\": \"emc-99-90001\"", page.Quarantined[0].Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenamedItemField_IsSchemaDrift_NamingTheFieldAndWhatIsThereNow_AndNothingIsCommitted()
    {
        var stats = Page(Item("emc-12-00027", "1468", "722", "299").Replace("\"dossiersFullyOnline\"", "\"dossiersFullyOnline_v2\"", StringComparison.Ordinal));
        var session = new MemorySession(EmcConnector.Descriptor, October);

        var error = await Assert.ThrowsAsync<SourceFormatException>(() =>
            Connector(new CannedApi(Units("emc-12-00027"), stats), unitPageSize: 5000).PullAsync(session, CancellationToken.None));

        Assert.Contains("no field 'dossiersFullyOnline'", error.Message, StringComparison.Ordinal);
        Assert.Contains("dossiersFullyOnline_v2", error.Message, StringComparison.Ordinal);
        Assert.Empty(session.Pages);
    }

    [Fact]
    public async Task EnvelopeWithoutTotalPages_IsSchemaDrift()
    {
        var stats = Encoding.UTF8.GetBytes("""{"data":[],"page":1,"size":1000,"totalItems":0,"asOf":"2025-12-15T00:00:00Z"}""");

        var error = await Assert.ThrowsAsync<SourceFormatException>(() =>
            Connector(new CannedApi(Units(), stats), unitPageSize: 5000).PullAsync(new MemorySession(EmcConnector.Descriptor, October), CancellationToken.None));

        Assert.Contains("no 'totalPages' field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyAnswer_LandsOnePage_WithoutReadingTheUnitList_AndMovesTheWatermark()
    {
        var api = new CannedApi(Units(), Encoding.UTF8.GetBytes("""{"data":[],"page":1,"size":1000,"totalPages":0,"totalItems":0,"asOf":"2026-01-02T03:04:05+07:00"}"""));
        var session = new MemorySession(EmcConnector.Descriptor, October);
        session.Cursors["dossier-stats"] = """{"Watermark":"2025-12-15T00:00:00Z","Pass":null}""";

        await Connector(api, unitPageSize: 5000).PullAsync(session, CancellationToken.None);

        Assert.Equal(["stats month=2025-10 page=1 size=1000 since=2025-12-15T00:00:00Z until="], api.Calls);
        var page = Assert.Single(session.Pages);
        Assert.Empty(page.Records);
        Assert.Equal("""{"Watermark":"2026-01-01T20:04:05Z","Pass":null}""", page.CursorAfter);
    }

    [Fact]
    public async Task InterruptedPass_ResumesAtItsPage_PinnedToItsAsOf_EvenAfterRevisionsPublish()
    {
        using var simulator = Start();
        simulator.Clock.AsOf = simulator.Clock.AsOf.AddDays(90);
        await using var services = ConnectorOn(simulator);
        var session = new MemorySession(EmcConnector.Descriptor, October);
        session.Cursors["dossier-stats"] = """{"Watermark":null,"Pass":{"Since":null,"Until":"2025-12-15T00:00:00Z","NextPage":3}}""";

        await services.GetRequiredService<ISourceConnector>().PullAsync(session, CancellationToken.None);

        var stats = simulator.Requests.Where(r => r.Endpoint == "dossier-stats").ToList();
        // Distinct: on a busy machine an attempt may time out and be retried; what matters is that pages 1-2 are not asked again.
        Assert.Equal(["3", "4"], stats.Select(r => r.Get("page")).Distinct());
        Assert.All(stats, r => Assert.Equal("2025-12-15T00:00:00Z", r.Get("modifiedUntil")));
        Assert.Equal(3321 - 2000, session.Pages.Sum(p => p.Records.Count) / 3);

        // The pinned pages hold the first versions: no unit shows its revision (published 2025-12-16).
        var firstVersions = session.Pages.SelectMany(p => p.Records).Where(r => r.Indicator == "dossiers_received")
            .All(r => r.Numerator == simulator.Figures(simulator.Units.ById[r.Unit.Value], October, SimulationClock.DefaultAsOf)!.Value.Received);
        Assert.True(firstVersions);
        Assert.Equal("""{"Watermark":"2025-12-15T00:00:00Z","Pass":null}""", session.Cursors["dossier-stats"]);

        // The next pass asks only for what changed after the watermark: the revised units, about 3%.
        simulator.ClearLog();
        var next = new MemorySession(EmcConnector.Descriptor, October);
        next.Cursors["dossier-stats"] = session.Cursors["dossier-stats"];
        await services.GetRequiredService<ISourceConnector>().PullAsync(next, CancellationToken.None);

        var first = simulator.Requests.First(r => r.Endpoint == "dossier-stats");
        Assert.Equal("2025-12-15T00:00:00Z", first.Get("modifiedSince"));
        Assert.Null(first.Get("modifiedUntil"));
        var revised = next.Pages.SelectMany(p => p.Records).Where(r => r.Indicator == "dossiers_received").ToList();
        Assert.InRange(revised.Count, 40, 200);
        Assert.All(revised, r => Assert.True(
            r.Numerator > simulator.Figures(simulator.Units.ById[r.Unit.Value], October, SimulationClock.DefaultAsOf)!.Value.Received,
            $"{r.Unit.Value}: a revision adds late-synchronised dossiers"));
    }

    [Fact]
    public async Task UnitListCarryingACitizenId_IsRefusedWhole_AndNoPageAfterItIsCommitted()
    {
        using var simulator = Start();
        simulator.Faults.Add(new FaultRule(FaultKind.CitizenIdentifier, "units"));
        await using var services = ConnectorOn(simulator);
        var session = new MemorySession(EmcConnector.Descriptor, October);

        var error = await Assert.ThrowsAsync<PersonalDataRejectedException>(() =>
            services.GetRequiredService<ISourceConnector>().PullAsync(session, CancellationToken.None));

        Assert.Contains("refused whole", error.Message, StringComparison.Ordinal);
        Assert.Equal(["units: field $.data[0].so_cccd is a personal identifier"], session.Rejected);
        Assert.Empty(session.Pages);
        Assert.False(session.Cursors.ContainsKey("dossier-stats"));
    }

    [Fact]
    public async Task Simulator_Answers401WithoutTheKey_And400ForParametersOutsideTheContract()
    {
        using var simulator = Start();
        using var anonymous = new HttpClient { BaseAddress = simulator.Url };
        using var http = Client(simulator);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v2/units?page=1&size=10", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v2/dossier-stats?month=2025-10&page=1&size=10", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(new Uri("/api/v2/dossier-stats?month=2025-Q4&page=1&size=10", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(new Uri("/api/v2/dossier-stats?month=2025-10&page=1&size=1001", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(new Uri("/api/v2/units?page=0&size=10", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/v2/units?page=1&size=5000", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Simulator_ServesNothingBeforeTheReformOrBeforePublication()
    {
        using var simulator = Start();
        using var http = Client(simulator);

        foreach (var month in new[] { "2025-06", "2025-12" })
        {
            var page = await GetJsonAsync(http, $"/api/v2/dossier-stats?month={month}&page=1&size=100");
            Assert.Empty(page["data"]!.AsArray());
            Assert.Equal(0, (int)page["totalPages"]!);
        }

        Assert.Equal(3321, (int)(await GetJsonAsync(http, "/api/v2/dossier-stats?month=2025-11&page=1&size=10"))["totalItems"]!);
    }

    [Fact]
    public void Simulator_ListsOneUnitPerCommune_UnderIdsOfItsOwn_WithEmcStyleNames()
    {
        var units = new EmcSimulator(SharedData.Simulation, new SimulationClock()).Units;
        var communeCodes = SharedData.Units.Units2025.Where(u => u.Level == UnitLevel.Commune).Select(u => u.Code).ToHashSet();
        var provinceNames = SharedData.Units.Units2025.Where(u => u.Level == UnitLevel.Province).Select(u => u.Name).ToHashSet();

        Assert.Equal(3321, units.All.Count);
        Assert.Equal(3321, units.ByCode.Count);
        Assert.All(units.All, u =>
        {
            Assert.Matches(IdShape(), u.Id);
            Assert.DoesNotContain(u.Id, communeCodes);
            Assert.Equal($"UBND {u.Commune.Unit.Name}", u.Name);
            Assert.Contains(u.ProvinceName, provinceNames);
        });
        Assert.Equal(34, units.All.Select(u => u.Id[..6]).Distinct().Count());
        Assert.Equal("emc-12-00071", units.ByCode["00097"].Id);
    }

    [Fact]
    public void Simulator_FullyOnlineShare_IsAroundTheProvincesAverage_AndFollowsReadiness()
    {
        var simulator = new EmcSimulator(SharedData.Simulation, new SimulationClock());
        var rows = simulator.Units.All
            .Select(u => (Unit: u, Figures: simulator.Figures(u, October, simulator.Clock.AsOf)!.Value))
            .Select(r => (r.Unit.Commune, Share: (double)r.Figures.FullyOnline / r.Figures.Received, Online: (double)r.Figures.Online / r.Figures.Received))
            .ToList();
        var shares = rows.Select(r => r.Share).Order().ToList();

        // Provinces averaged 18.54% in 2024 and 16.94% in 10/2025 (SOURCES.md E1, E3): most communes between 10% and 30%.
        Assert.InRange(shares.Average(), 0.16, 0.22);
        Assert.InRange(shares[shares.Count / 10], 0.10, 0.16);
        Assert.InRange(shares[shares.Count * 9 / 10], 0.22, 0.30);
        Assert.True(rows.Where(r => r.Commune.Unit.Type == "Phường").Average(r => r.Share) > rows.Where(r => r.Commune.Unit.Type == "Xã").Average(r => r.Share) + 0.04);
        Assert.True(rows.Where(r => r.Commune.Region == Region.Deltas).Average(r => r.Share)
            > rows.Where(r => r.Commune.Region == Region.Mountains).Average(r => r.Share) + 0.03);
        Assert.All(rows, r => Assert.True(r.Share <= r.Online && r.Online <= 0.95, $"{r.Commune.Unit.Code}: fully {r.Share:P1}, online {r.Online:P1}"));
    }

    [Fact]
    public void Simulator_DossierVolume_FollowsPopulation()
    {
        var simulator = new EmcSimulator(SharedData.Simulation, new SimulationClock());
        // Months EMC lost to an outage or counted twice are the portal comparison's business (below).
        var rows = simulator.Units.All
            .Where(u => u.Commune.Population >= 1000 && EmcDossiers.SyncFactor(u.Commune, October) is >= 0.98 and <= 1)
            .Select(u => (Population: (double)u.Commune.Population, Received: (double)simulator.Figures(u, October, simulator.Clock.AsOf)!.Value.Received))
            .ToList();

        Assert.All(rows, r => Assert.InRange(r.Received / r.Population, 0.007, 0.015));
        Assert.True(Correlation(rows) > 0.9, $"received should follow population, correlation {Correlation(rows):F2}");
    }

    [Fact]
    public void Simulator_DossiersReceived_AgreeWithThePortal_ExceptWhereSynchronisationFailed()
    {
        var emc = new EmcSimulator(SharedData.Simulation, new SimulationClock());
        var portal = new PortalSimulator(SharedData.Simulation, new SimulationClock());
        var portalReceived = portal.Agencies.ToDictionary(a => a.Commune.Unit.Code, a => portal.Values(a, October)!.Value.Procedures[3]);
        var gaps = emc.Units.All
            .Select(u => 1 - ((double)emc.Figures(u, October, SimulationClock.DefaultAsOf)!.Value.Received / portalReceived[u.Commune.Unit.Code]))
            .ToList();

        // Both show the provincial system's dossiers; EMC's copy lags a little, and a few months went wrong either way.
        var agreeWithinFivePercent = gaps.Count(g => Math.Abs(g) <= 0.05) / (double)gaps.Count;
        Assert.InRange(agreeWithinFivePercent, 0.90, 0.97);
        Assert.Contains(gaps, g => g > 0.15);
        Assert.Contains(gaps, g => g < -0.10);
    }

    [Fact]
    public async Task Simulator_PinnedQuery_AnswersTheSameBytes_WhenTheClockMovesOn()
    {
        using var simulator = Start();
        using var http = Client(simulator);
        var pinned = new Uri("/api/v2/dossier-stats?month=2025-10&page=2&size=1000&modifiedUntil=2025-12-15T00:00:00Z", UriKind.Relative);
        var before = await http.GetByteArrayAsync(pinned);

        simulator.Clock.AsOf = simulator.Clock.AsOf.AddDays(90);

        Assert.Equal(before, await http.GetByteArrayAsync(pinned));
        var unpinned = await GetJsonAsync(http, "/api/v2/dossier-stats?month=2025-10&page=1&size=1000");
        Assert.Equal("2026-03-15T00:00:00Z", (string)unpinned["asOf"]!);
    }

    private static EmcSimulator Start() => (EmcSimulator)new EmcSimulator(SharedData.Simulation, new SimulationClock()).Start();

    private static HttpClient Client(EmcSimulator simulator)
    {
        var http = new HttpClient { BaseAddress = simulator.Url };
        http.DefaultRequestHeaders.Add("X-API-Key", EmcSimulator.ApiKey);
        return http;
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient http, string path) =>
        JsonNode.Parse(await http.GetByteArrayAsync(new Uri(path, UriKind.Relative)))!;

    private static EmcConnector Connector(IEmcApi api, int unitPageSize) =>
        new(api, Options.Create(new EmcOptions { ApiKey = "key", PageSize = 1000, UnitPageSize = unitPageSize }), TimeProvider.System);

    private static ServiceProvider ConnectorOn(EmcSimulator simulator)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSourceConnector<IEmcApi, EmcConnector, EmcOptions>(o =>
        {
            o.Http.BaseAddress = simulator.Url;
            SourceHarness.Fast(o.Http);
            o.ApiKey = EmcSimulator.ApiKey;
            o.PageSize = 1000;
        }, o => o.Http);
        return services.BuildServiceProvider(validateScopes: true);
    }

    // The fenced JSON block after "<!-- sample: name -->" in CONTRACT.md, so the document and the code cannot drift apart.
    private static byte[] Sample(string name)
    {
        var text = File.ReadAllText(Path.Combine(PipelineHome.Find(), "connectors", "Emc", "CONTRACT.md"));
        var marker = text.IndexOf($"<!-- sample: {name} -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"CONTRACT.md has no sample '{name}'");
        var start = text.IndexOf("```json", marker, StringComparison.Ordinal) + "```json".Length;
        return Encoding.UTF8.GetBytes(text[start..text.IndexOf("```", start, StringComparison.Ordinal)]);
    }

    private static byte[] Units(params string[] ids) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["data"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["unitId"] = id, ["unitName"] = $"UBND {id}", ["provinceName"] = "Tỉnh Mẫu" })]),
            ["page"] = 1,
            ["size"] = 5000,
            ["totalPages"] = ids.Length == 0 ? 0 : 1,
            ["totalItems"] = ids.Length,
        }.ToJsonString());

    private static byte[] Page(params string[] items) => Encoding.UTF8.GetBytes(
        $$"""{"data": [{{string.Join(",", items)}}], "page": 1, "size": 1000, "totalPages": 1, "totalItems": {{items.Length}}, "asOf": "2025-12-15T00:00:00Z"}""");

    private static string Item(string id, string received, string online, string fully, string month = "2025-10") =>
        $$"""{"unitId": "{{id}}", "unitName": "UBND Xã Mẫu", "provinceName": "Tỉnh Mẫu", "month": "{{month}}", "dossiersReceived": {{received}}, "dossiersReceivedOnline": {{online}}, "dossiersFullyOnline": {{fully}}, "updatedAt": "2025-11-11T00:00:00Z"}""";

    private static double Correlation(IReadOnlyList<(double X, double Y)> rows)
    {
        var (mx, my) = (rows.Average(r => r.X), rows.Average(r => r.Y));
        var cov = rows.Sum(r => (r.X - mx) * (r.Y - my));
        return cov / Math.Sqrt(rows.Sum(r => (r.X - mx) * (r.X - mx)) * rows.Sum(r => (r.Y - my) * (r.Y - my)));
    }

    [GeneratedRegex("^emc-[0-9]{2}-[0-9]{5}$")]
    private static partial Regex IdShape();

    /// <summary>Answers every unit-list request with one body and every dossier-stats request with another.</summary>
    private sealed class CannedApi(byte[] units, byte[] stats) : IEmcApi
    {
        public List<string> Calls { get; } = [];

        public Task<HttpResponseMessage> GetUnitsAsync(string apiKey, int page, int size, CancellationToken cancellationToken)
        {
            Calls.Add($"units page={page} size={size}");
            return Task.FromResult(Json(units));
        }

        public Task<HttpResponseMessage> GetDossierStatsAsync(
            string apiKey, string month, int page, int size, string? modifiedSince, string? modifiedUntil, CancellationToken cancellationToken)
        {
            Calls.Add($"stats month={month} page={page} size={size} since={modifiedSince} until={modifiedUntil}");
            return Task.FromResult(Json(stats));
        }

        private static HttpResponseMessage Json(byte[] body) =>
            new(HttpStatusCode.OK) { Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } };
    }
}
