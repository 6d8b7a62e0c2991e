using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pipeline.Connectors.Postal;
using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Core;
using Pipeline.Core.Periods;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Postal;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Postal;

/// <summary>
/// The postal contract (connectors/Postal/CONTRACT.md): its samples parse into the documented records, bad rows and
/// drift are handled as documented, and against the simulator every postcode lands labelled from the registry with the
/// values of its file, while later runs fetch only what the index says is new.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class PostalContractTests(PostgresServer server)
{
    private const string Header = "period,postcode,service_points,service_points_with_pc,ocop_products,ocop_products_online,digital_addresses,households";
    private static readonly Period Quarter = Period.Parse("2025-Q3");

    [Fact]
    public void ContractSamples_ParseIntoTheDocumentedRecords()
    {
        var registry = PostcodeRegistry.From(PostcodeRegistry.ReadPage(Sample("json registry-sample"), 1));
        var content = ExportFileReader.Read(Sample("csv export-sample"), "2025-Q3_10.csv", "2025-Q3", registry);

        Assert.Null(content.PersonalData);
        Assert.Empty(content.Quarantined);
        Assert.Equal(15, content.Records.Count);
        var ba = content.Records.Where(r => r.Unit.Value == "10100").ToDictionary(r => r.Indicator);
        Assert.All(ba.Values, r => Assert.Equal(new UnitKey(UnitKeyKind.SourceId, "10100", "Phường Ba Đình, Thành phố Hà Nội"), r.Unit));
        Assert.All(ba.Values, r => Assert.Equal(("2025-Q3", ValueUnit.Count, "line 2", (decimal?)null), (r.Period, r.ValueUnit, r.RecordRef, r.Value)));
        Assert.Equal((11m, (decimal?)null), (ba["service_points"].Numerator, ba["service_points"].Denominator));
        Assert.Equal((8m, (decimal?)11m), (ba["service_points_with_internet_pc"].Numerator, ba["service_points_with_internet_pc"].Denominator));
        Assert.Equal((0m, (decimal?)null), (ba["ocop_products"].Numerator, ba["ocop_products"].Denominator));
        Assert.Equal((0m, (decimal?)0m), (ba["ocop_products_online"].Numerator, ba["ocop_products_online"].Denominator));
        Assert.Equal((12960m, (decimal?)18578m), (ba["digital_addresses"].Numerator, ba["digital_addresses"].Denominator));
        Assert.Equal("Phường Giảng Võ, Thành phố Hà Nội", content.Records.Single(r => r.Unit.Value == "10110" && r.Indicator == "service_points").Unit.Label);
        Assert.Equal(3, registry.Count);
    }

    [Fact]
    public async Task ContractSamples_AreWhatTheSimulatorServes()
    {
        using var simulator = new PostalSimulator(SharedData.Simulation, new SimulationClock(SimulationClock.DefaultAsOf.AddDays(90)));
        simulator.Start();

        Assert.Equal(Encoding.UTF8.GetString(Sample("json registry-sample")).Trim(), await DownloadAsync(simulator, "/api/v1/postcodes?page=1&size=3"));
        var file = (await DownloadAsync(simulator, "/api/v1/exports/2025-Q3/2025-Q3_10.csv")).Split('\n');
        Assert.Equal(Encoding.UTF8.GetString(Sample("csv export-sample")).TrimEnd().Split('\n'), file[..4]);
        Assert.Equal(Encoding.UTF8.GetString(Sample("csv correction-sample")), await DownloadAsync(simulator, "/api/v1/exports/2025-Q3/2025-Q3_10_c1.csv"));
        var served = ExportIndex.Read(Encoding.UTF8.GetBytes(await DownloadAsync(simulator, "/api/v1/exports/2025-Q3/index.json")), "2025-Q3");
        Assert.All(ExportIndex.Read(Sample("json index-sample"), "2025-Q3"), entry => Assert.Contains(entry, served));
    }

    [Fact]
    public void ContractIndexSample_AppliesEachFileAfterTheOnesItCorrects()
    {
        var entries = ExportIndex.Read(Sample("json index-sample"), "2025-Q3");

        Assert.Equal(["2025-Q3_10.csv", "2025-Q3_12.csv", "2025-Q3_10_c1.csv"], entries.Select(e => e.File));
        Assert.Equal(("Thành phố Hà Nội", 4408L, "12f392fad3bf4e9369366c1668451762d2d307c311231d94852141c927a9cccd"), (entries[0].Province, entries[0].Size, entries[0].Sha256));
        Assert.Equal(new DateTimeOffset(2025, 12, 20, 0, 0, 0, TimeSpan.Zero), entries[2].Modified);
        Assert.Throws<SourceFormatException>(() => ExportIndex.Read(Sample("json index-sample"), "2025-Q4"));
    }

    [Fact]
    public void BadRows_AreQuarantinedWithTheirLineRawTextAndAReasonNamingFieldAndValue()
    {
        string[] lines =
        [
            Header,
            "2025-Q3,10100,11,8,0,0,12960,18578",
            "2025-Q2,10105,10,8,0,0,21292,26725",
            "2025-Q3,99001,3,1,0,0,100,200",
            "2025-Q3,10100,11,8,0,0,12960,18578",
            "2025-Q3,10105,10,,0,0,21292,26725",
            "2025-Q3,10110,9,7,-2,0,21558,27724",
            "2025-Q3,10115,3,4,0,0,100,200",
            "2025-Q3,10120,9,7,five,0,100,200",
            "2025-Q3,10125,9,7,0,0,100",
            "2025-Q3,10130,9,\"7,0,0,100,200",
            "2025-Q3,10135,2,1,6,3,2500,",
        ];
        var registry = Registry("10100", "10105", "10110", "10115", "10120", "10125", "10130", "10135");

        var content = ExportFileReader.Read(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), "2025-Q3_10.csv", "2025-Q3", registry);

        var byLine = content.Quarantined.ToDictionary(q => q.RecordRef);
        Assert.Equal(["line 10", "line 11", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9"], byLine.Keys.Order(StringComparer.Ordinal));
        Assert.All(byLine, q => Assert.Equal(lines[int.Parse(q.Key[5..], System.Globalization.CultureInfo.InvariantCulture) - 1], q.Value.Raw));
        Assert.Equal((QuarantineReasons.WrongPeriod, "period '2025-Q2' in a file of period 2025-Q3"), (byLine["line 3"].Reason, byLine["line 3"].Detail));
        Assert.Equal((QuarantineReasons.UnknownUnit, "postcode '99001' is not in the postcode registry"), (byLine["line 4"].Reason, byLine["line 4"].Detail));
        Assert.Equal((QuarantineReasons.DuplicateRow, "second row for postcode '10100' in this file"), (byLine["line 5"].Reason, byLine["line 5"].Detail));
        Assert.Equal((QuarantineReasons.MissingField, "column service_points_with_pc is empty"), (byLine["line 6"].Reason, byLine["line 6"].Detail));
        Assert.Equal((QuarantineReasons.BadValue, "ocop_products = -2 is negative"), (byLine["line 7"].Reason, byLine["line 7"].Detail));
        Assert.Equal((QuarantineReasons.BadValue, "service_points_with_pc = 4 exceeds service_points = 3"), (byLine["line 8"].Reason, byLine["line 8"].Detail));
        Assert.Equal(QuarantineReasons.BadValue, byLine["line 9"].Reason);
        Assert.Contains("ocop_products", byLine["line 9"].Detail);
        Assert.Contains("five", byLine["line 9"].Detail);
        Assert.All(new[] { byLine["line 10"], byLine["line 11"] }, q => Assert.Equal(QuarantineReasons.BadValue, q.Reason));
        Assert.Contains("FieldCountMismatch", byLine["line 10"].Detail);
        Assert.Contains("not repaired", byLine["line 11"].Detail);

        // Line 2 and line 12 are good; line 12 has no household count, so its addresses have no denominator.
        Assert.Equal(["10100", "10135"], content.Records.Select(r => r.Unit.Value).Distinct());
        var addresses = content.Records.Single(r => r.Unit.Value == "10135" && r.Indicator == "digital_addresses");
        Assert.Equal((2500m, (decimal?)null, "line 12"), (addresses.Numerator, addresses.Denominator, addresses.RecordRef));
    }

    [Fact]
    public void RenamedColumn_FailsTheFileNamingTheColumnAndTheHeaderAsReceived()
    {
        var csv = Header.Replace("households", "households_v2", StringComparison.Ordinal) + "\n2025-Q3,10100,11,8,0,0,12960,18578\n";

        var error = Assert.Throws<SourceFormatException>(() =>
            ExportFileReader.Read(Encoding.UTF8.GetBytes(csv), "2025-Q3_10.csv", "2025-Q3", Registry("10100")));

        Assert.Contains("'households'", error.Message);
        Assert.Contains("households_v2", error.Message);
        Assert.Contains("2025-Q3_10.csv", error.Message);
    }

    [Theory]
    [InlineData(Header + ",so_cccd\n2025-Q3,10100,11,8,0,0,12960,18578,001099012345\n", "column 'so_cccd'")]
    [InlineData(Header + "\n2025-Q3,10100,11,8,0,0,001099012345,18578\n", "line 2, column 'digital_addresses'")]
    public void PersonalData_InAHeaderOrAValue_RefusesTheWholeFile(string csv, string where)
    {
        var content = ExportFileReader.Read(Encoding.UTF8.GetBytes(csv), "2025-Q3_10.csv", "2025-Q3", Registry("10100"));

        Assert.Contains(where, content.PersonalData);
        Assert.Empty(content.Records);
        Assert.Empty(content.Quarantined);
    }

    [Theory]
    [InlineData("""[{"postcode":"10100","communeName":"Phường Ba Đình","provinceName":"Thành phố Hà Nội","updatedAt":"2025-07-01T00:00:00Z"},{"postcode":"10100","communeName":"Phường Ngọc Hà","provinceName":"Thành phố Hà Nội","updatedAt":"2025-07-01T00:00:00Z"}]""", "postcode '10100' twice")]
    [InlineData("""[{"postcode":"10100","commune":"Phường Ba Đình","provinceName":"Thành phố Hà Nội","updatedAt":"2025-07-01T00:00:00Z"}]""", "no text field 'communeName'")]
    [InlineData("[]", "registry is empty")]
    [InlineData("""[{"postcode":"1010","communeName":"Phường Ba Đình","provinceName":"Thành phố Hà Nội","updatedAt":"2025-07-01T00:00:00Z"}]""", "'1010' is not 5 digits")]
    public void Registry_ThatCannotBeTrusted_FailsTheRun(string page, string message)
    {
        var error = Assert.Throws<SourceFormatException>(() => PostcodeRegistry.From(PostcodeRegistry.ReadPage(Encoding.UTF8.GetBytes(page), 1)));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task FullPull_LabelsEveryPostcodeFromTheRegistry_WithTheValuesOfItsFile_CalibratedToThePublishedFigures()
    {
        await using var h = await StartAsync(new SimulationClock());
        var report = await h.PullAsync(Quarter);

        Assert.Equal("succeeded", report.Status);
        Assert.Equal((34, 3321 * 5), (report.PagesLanded, report.RecordsInserted));
        Assert.Equal(0L, await ScalarAsync<long>(h.Database, "select count(*) from intake.record where unit_key_kind <> 'source_id' or unit_label is null"));

        // Cao Bằng's file, second in the index: its first row as served, against what landed.
        var row = (await DownloadAsync(h.Simulator, "/api/v1/exports/2025-Q3/2025-Q3_12.csv")).Split('\n')[1].Split(',');
        var landed = (await RecordsAsync(h.Database, row[1])).ToDictionary(r => r.Indicator);
        Assert.Equal(5, landed.Count);
        Assert.All(landed.Values, r => Assert.Equal(("Phường Thục Phán, Tỉnh Cao Bằng", "line 2"), (r.Label, r.RecordRef)));
        Assert.Equal((Number(row[3]), (decimal?)Number(row[2])), (landed["service_points_with_internet_pc"].Numerator, landed["service_points_with_internet_pc"].Denominator));
        Assert.Equal((Number(row[5]), (decimal?)Number(row[4])), (landed["ocop_products_online"].Numerator, landed["ocop_products_online"].Denominator));
        Assert.Equal((Number(row[6]), (decimal?)Number(row[7])), (landed["digital_addresses"].Numerator, landed["digital_addresses"].Denominator));

        // Calibration (SOURCES.md section 4), on the same pull.
        async Task<decimal> Sum(string indicator, string column) =>
            await ScalarAsync<decimal>(h.Database, $"select sum({column}) from intake.record where indicator = '{indicator}'");

        // One post office per commune from 9/2025 (O6); about 13,000 points (O2); 12,075 OCOP products (O7).
        Assert.Equal(1m, await ScalarAsync<decimal>(h.Database, "select min(numerator) from intake.record where indicator = 'service_points'"));
        Assert.InRange(await Sum("service_points", "numerator"), 10_000m, 14_000m);
        Assert.InRange(await Sum("ocop_products", "numerator"), 11_000m, 13_000m);
        Assert.Equal(15m, await ScalarAsync<decimal>(h.Database, "select max(numerator) from intake.record where indicator = 'ocop_products'"));
        Assert.InRange(await Sum("service_points_with_internet_pc", "numerator") / await Sum("service_points_with_internet_pc", "denominator"), 0.4m, 0.9m);
        Assert.InRange(await Sum("ocop_products_online", "numerator") / await Sum("ocop_products_online", "denominator"), 0.3m, 0.9m);
        Assert.InRange(await Sum("digital_addresses", "numerator"), 15_000_000m, 23_000_000m);
    }

    [Fact]
    public async Task LaterRuns_FetchTheIndexOnly_ThenOnlyTheCorrectionFiles_WhoseValuesReplaceTheFirstOnes()
    {
        var clock = new SimulationClock();
        await using var h = await StartAsync(clock);
        await h.PullAsync(Quarter);
        h.Simulator.ClearLog();

        var unchanged = await h.PullAsync(Quarter);

        Assert.Equal(("succeeded", 0, 0), (unchanged.Status, unchanged.PagesLanded, unchanged.PagesUnchanged));
        Assert.Equal(["export-index"], h.Simulator.Requests.Select(r => r.Endpoint));

        clock.AsOf = clock.AsOf.AddDays(90);
        h.Simulator.ClearLog();
        var second = await h.PullAsync(Quarter);

        Assert.Equal("succeeded", second.Status);
        var files = h.Simulator.Requests.Where(r => r.Endpoint == "export-file").Select(r => r.Get("file")!).ToList();
        var corrections = System.Text.Json.JsonDocument.Parse(await DownloadAsync(h.Simulator, "/api/v1/exports/2025-Q3/index.json")).RootElement.GetProperty("files")
            .EnumerateArray().Select(f => f.GetProperty("file").GetString()!).Where(f => f.EndsWith("_c1.csv", StringComparison.Ordinal));
        Assert.NotEmpty(files);
        Assert.Equal(corrections.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
        Assert.Equal(files.Count, second.PagesLanded);

        // Hà Nội's correction restates postcode 10150: the landed value is the corrected one, the first one is kept.
        var corrected = (await DownloadAsync(h.Simulator, "/api/v1/exports/2025-Q3/2025-Q3_10_c1.csv")).Split('\n')[1].Split(',');
        Assert.Equal("10150", corrected[1]);
        var addresses = (await RecordsAsync(h.Database, "10150")).Single(r => r.Indicator == "digital_addresses");
        Assert.Equal((Number(corrected[6]), "line 2"), (addresses.Numerator!.Value, addresses.RecordRef));
        Assert.True(await ScalarAsync<decimal>(h.Database, "select numerator from intake.record_revision where unit_key = '10150' and indicator = 'digital_addresses'") < addresses.Numerator);
    }

    [Fact]
    public async Task WrongApiKey_IsRefusedWith401_AndTheRunFails()
    {
        await using var h = await SourceHarness.StartAsync(server, new PostalSimulator(SharedData.Simulation, new SimulationClock()), (services, url) =>
            services.AddSourceConnector<IPostalApi, PostalConnector, PostalOptions>(o =>
            {
                o.Http.BaseAddress = url;
                SourceHarness.Fast(o.Http);
                o.ApiKey = "not-the-key";
            }, o => o.Http));

        var report = await h.PullAsync(Quarter);

        Assert.Equal("failed", report.Status);
        Assert.Contains("HTTP 401", report.Error);
        Assert.Single(h.Simulator.Requests);
    }

    private Task<SourceHarness> StartAsync(SimulationClock clock) =>
        SourceHarness.StartAsync(server, new PostalSimulator(SharedData.Simulation, clock), (services, url) =>
            services.AddSourceConnector<IPostalApi, PostalConnector, PostalOptions>(o =>
            {
                o.Http.BaseAddress = url;
                SourceHarness.Fast(o.Http);
                o.ApiKey = PostalSimulator.ApiKey;
            }, o => o.Http));

    private static PostcodeRegistry Registry(params string[] postcodes) =>
        PostcodeRegistry.From(postcodes.Select(p => new PostcodeEntry(p, $"Xã {p}", "Tỉnh Mẫu", DateTimeOffset.UnixEpoch)));

    /// <summary>The fenced block of CONTRACT.md whose info string is <paramref name="info"/>, so the tests check the document itself.</summary>
    private static byte[] Sample(string info)
    {
        var contract = File.ReadAllText(Path.Combine(PipelineHome.Find(), "connectors", "Postal", "CONTRACT.md"));
        var start = contract.IndexOf("```" + info + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"CONTRACT.md has no ```{info} block");
        start += info.Length + 4;
        return Encoding.UTF8.GetBytes(contract[start..contract.IndexOf("```", start, StringComparison.Ordinal)]);
    }

    private static decimal Number(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> DownloadAsync(SimulatedSource simulator, string path)
    {
        using var http = new HttpClient { BaseAddress = simulator.Url };
        http.DefaultRequestHeaders.Add("X-Api-Key", PostalSimulator.ApiKey);
        return await http.GetStringAsync(path);
    }

    private static async Task<List<LandedRecord>> RecordsAsync(NpgsqlDataSource db, string postcode)
    {
        await using var connection = await db.OpenConnectionAsync();
        return [.. await connection.QueryAsync<LandedRecord>(
            "select indicator, unit_label as label, numerator, denominator, record_ref as recordref from intake.record where unit_key = @postcode",
            new { postcode })];
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException($"no value for {sql}");
    }

    private sealed record LandedRecord(string Indicator, string Label, decimal? Numerator, decimal? Denominator, string RecordRef);
}
