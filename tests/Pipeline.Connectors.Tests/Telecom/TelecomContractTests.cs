using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Connectors.Telecom;
using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Core;
using Pipeline.Core.Periods;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Telecom;

namespace Pipeline.Connectors.Tests.Telecom;

/// <summary>
/// The telecom contract (connectors/Telecom/CONTRACT.md): its samples parse into the documented records, bad lines go to
/// quarantine with their line and reason, drift in the header or the index fails, and against the simulator a pull
/// lands one page per file, with realistic figures, and later fetches only correction or re-issued files. No database:
/// pages are recorded in memory.
/// </summary>
public sealed partial class TelecomContractTests
{
    private const string Header =
        "ky_bao_cao,ma_tinh,ma_huyen,ma_xa,ten_xa,so_tb_smartphone_15t,so_ho_cap_quang,tong_so_ho,so_nvh_cap_quang,tong_so_nvh,so_cks_ca_nhan,tslcd_200mbps";

    private static readonly Lazy<CommuneCodes> Codes = new(() => CommuneCodes.From(SharedData.Units));

    [Fact]
    public void CodeKeyedSample_InTheContract_ParsesIntoTheDocumentedRecords()
    {
        var (records, quarantined) = Read(Sample("operator-a"), TelecomConnector.OperatorA);

        Assert.Empty(quarantined);
        Assert.Equal(15, records.Count);
        var unit = new UnitKey(UnitKeyKind.Code, "21235", "Thị trấn La Hà");
        SourceRecord[] documented =
            [
                new SourceRecord(unit, "smartphone_subscribers_15_plus", "2025-Q3", 4210, null, null, ValueUnit.Count, "line 2"),
                new SourceRecord(unit, "households_fibre", "2025-Q3", 2960, 3310, null, ValueUnit.Count, "line 2"),
                new SourceRecord(unit, "cultural_houses_fibre", "2025-Q3", 9, 11, null, ValueUnit.Count, "line 2"),
                new SourceRecord(unit, "digital_signatures_personal", "2025-Q3", 2130, null, null, ValueUnit.Count, "line 2"),
                new SourceRecord(unit, "tslcd_200mbps", "2025-Q3", null, null, 1, ValueUnit.Flag, "line 2"),
            ];
        Assert.Equal(documented, records.Take(5));
        Assert.Equal(["21235", "21283", "21268"], records.Select(r => r.Unit.Value).Distinct());
        Assert.Equal(0m, records.Single(r => r.Unit.Value == "21268" && r.Indicator == "tslcd_200mbps").Value);
        Assert.Equal(1811m, records.Single(r => r.Unit.Value == "21268" && r.Indicator == "households_fibre").Numerator);
    }

    [Fact]
    public void NameKeyedSample_InTheContract_KeysByTheFullNameAsWritten()
    {
        var (records, quarantined) = Read(Sample("operator-b"), TelecomConnector.OperatorB);

        Assert.Empty(quarantined);
        Assert.Equal(
            ["Xã Nghĩa Phương, Huyện Tư Nghĩa, Tỉnh Quảng Ngãi", "Xã Nghĩa Hoà, Huyện Tư Nghĩa, Tỉnh Quảng Ngãi", "TT. Sông Vệ, H. Tư Nghĩa, Tỉnh Quảng Ngãi"],
            records.Select(r => r.Unit.Value).Distinct());
        Assert.All(records, r => Assert.Equal(UnitKeyKind.Name, r.Unit.Kind));
        Assert.All(records, r => Assert.Null(r.Unit.Label));
        var fibre = records.Single(r => r.Unit.Value.StartsWith("TT. Sông Vệ", StringComparison.Ordinal) && r.Indicator == "households_fibre");
        Assert.Equal((1620m, 2410m, "line 4"), (fibre.Numerator!.Value, fibre.Denominator!.Value, fibre.RecordRef));
    }

    [Fact]
    public void BadLines_AreQuarantinedWholeWithLineNumberRawTextAndReason()
    {
        string[] lines =
        [
            Header,
            "2025-Q3,51,528,21235,Thị trấn La Hà,4210,2960,3310,9,11,2130,1",
            "2025-Q3,51,528,21283,Xã Nghĩa Phương,2388,1605,2215,6,9",
            "2025-Q3,51,528,21268,Xã Nghĩa Hòa,2702,n/a,2604,5,10,1297,0",
            "2025-Q3,51,528,21241,Xã Nghĩa Lâm,-12,1605,2215,6,9,1183,1",
            "2025-Q3,51,528,21244,Xã Nghĩa Thắng,2388,2500,2215,6,9,1183,1",
            "2025-Q3,51,528,21238,Thị trấn Sông Vệ,2388,1605,2215,6,9,1183,2",
            "2025-Q3,51,528,21235,Thị trấn La Hà,4210,2960,3310,9,11,2130,1",
            "2025-Q2,51,528,21283,Xã Nghĩa Phương,2388,1605,2215,6,9,1183,1",
            "2025-Q3,51,528,99991,Xã Không Có,2388,1605,2215,6,9,1183,1",
            "2025-Q3,51,524,21283,Xã Nghĩa Phương,2388,1605,2215,6,9,1183,1",
            "2025-Q3,51,528,21283,Xã Nghĩa Phương,2388,1605,2215,,9,1183,1",
            "2025-Q3,51,528,21247,Xã Nghĩa Thuận,2388,1605,2215,12,9,1183,1",
            "2025-Q3,51,528,21283,\"Xã Nghĩa \"Phương\",2388,1605,2215,6,9,1183,1",
        ];

        var (records, quarantined) = Read(string.Join('\n', lines) + "\n", TelecomConnector.OperatorA);

        Assert.Equal(["21235"], records.Select(r => r.Unit.Value).Distinct());
        (string, string)[] expected =
            [
                ("line 3", QuarantineReasons.BadValue),
                ("line 4", QuarantineReasons.BadValue),
                ("line 5", QuarantineReasons.BadValue),
                ("line 6", QuarantineReasons.BadValue),
                ("line 7", QuarantineReasons.BadValue),
                ("line 8", QuarantineReasons.DuplicateRow),
                ("line 9", QuarantineReasons.WrongPeriod),
                ("line 10", QuarantineReasons.UnknownUnit),
                ("line 11", QuarantineReasons.UnknownUnit),
                ("line 12", QuarantineReasons.MissingField),
                ("line 13", QuarantineReasons.BadValue),
                ("line 14", QuarantineReasons.BadValue),
            ];
        Assert.Equal(
            expected,
            quarantined.Select(q => (q.RecordRef, q.Reason)).OrderBy(q => int.Parse(q.RecordRef[5..], System.Globalization.CultureInfo.InvariantCulture)));
        var byLine = quarantined.ToDictionary(q => q.RecordRef);
        Assert.Equal(lines[2], byLine["line 3"].Raw);
        Assert.Equal(lines[3], byLine["line 4"].Raw);
        Assert.Contains("so_ho_cap_quang = 'n/a' is not a whole number", byLine["line 4"].Detail);
        Assert.Contains("so_tb_smartphone_15t = '-12' is negative", byLine["line 5"].Detail);
        Assert.Contains("so_ho_cap_quang = 2500 exceeds tong_so_ho = 2215", byLine["line 6"].Detail);
        Assert.Contains("tslcd_200mbps = '2'", byLine["line 7"].Detail);
        Assert.Contains("first at line 2", byLine["line 8"].Detail);
        Assert.Contains("ma_xa '99991' is not a 2024 commune code", byLine["line 10"].Detail);
        Assert.Contains("district 528, province 51, not of ma_huyen '524'", byLine["line 11"].Detail);
        Assert.Contains("so_nvh_cap_quang is empty", byLine["line 12"].Detail);
        Assert.Contains("so_nvh_cap_quang = 12 exceeds tong_so_nvh = 9", byLine["line 13"].Detail);
        Assert.Equal(lines[13], byLine["line 14"].Raw);
    }

    [Theory]
    [InlineData("Tỉnh Quảng Ngãi", "Huyện Tư Nghĩa", "Xã Nghĩa Phương", null)]
    [InlineData("Tỉnh Quảng Ngãi", "H. Tư Nghĩa", "X. Nghĩa Phương", null)]
    [InlineData("Thành phố Hồ Chí Minh", "Quận 1", "Phường 01", null)]
    [InlineData("TP. Hồ Chí Minh", "TP. Thủ Đức", "P. An Khánh", null)]
    [InlineData("Tỉnh Quảng Ninh", "Thị xã Quảng Yên", "TT.Quảng Yên", null)]
    [InlineData("Tỉnh Quảng Ngãi", "Huyện Tư Nghĩa", "Khu công nghiệp số 1", "ten_xa")]
    [InlineData("Tỉnh Quảng Ngãi", "", "Xã Nghĩa Phương", "ten_huyen")]
    [InlineData("Tỉnh Quảng Ngãi", "Tư Nghĩa", "Xã Nghĩa Phương", "ten_huyen")]
    [InlineData("Quảng Ngãi", "Huyện Tư Nghĩa", "Xã Nghĩa Phương", "ten_tinh")]
    [InlineData("Tỉnh Quảng Ngãi", "Huyện Tư Nghĩa", "Xãnghĩa Phương", "ten_xa")]
    public void NameKeys_MustBeShapedAsA2024CommuneDistrictAndProvince(string province, string district, string commune, string? faultyColumn)
    {
        var problem = UnitNames.Problem(province, district, commune);

        if (faultyColumn is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.StartsWith(faultyColumn + " '", problem);
        }
    }

    [Fact]
    public void MalformedName_IsQuarantinedAsUnknownUnit()
    {
        var csv = "ky_bao_cao,ten_tinh,ten_huyen,ten_xa,so_tb_smartphone_15t,so_ho_cap_quang,tong_so_ho,so_nvh_cap_quang,tong_so_nvh,so_cks_ca_nhan,tslcd_200mbps\n"
            + "2025-Q3,Tỉnh Quảng Ngãi,Huyện Tư Nghĩa,Khu công nghiệp số 1,10,1,2,0,0,3,0\n";

        var (records, quarantined) = Read(csv, TelecomConnector.OperatorB);

        Assert.Empty(records);
        var q = Assert.Single(quarantined);
        Assert.Equal((QuarantineReasons.UnknownUnit, "line 2"), (q.Reason, q.RecordRef));
        Assert.Contains("Khu công nghiệp số 1", q.Detail);
    }

    [Theory]
    [InlineData("tslcd_200mbps", "tslcd_200mbps_v2", "column 'tslcd_200mbps' is missing")]
    [InlineData("ma_huyen", "ma_qh", "column 'ma_huyen' is missing")]
    [InlineData("tslcd_200mbps", "tslcd_200mbps,ghi_chu", "column 'ghi_chu' is not in the contract")]
    [InlineData("ma_xa", "ma_xa,ma_xa", "a column appears twice")]
    public void HeaderDrift_FailsNamingTheColumn(string column, string replacement, string message)
    {
        var csv = Header.Replace(column, replacement, StringComparison.Ordinal) + "\n2025-Q3,51,528,21235,Thị trấn La Hà,4210,2960,3310,9,11,2130,1\n";

        var e = Assert.Throws<SourceFormatException>(() => Read(csv, TelecomConnector.OperatorA));

        Assert.Contains(message, e.Message);
        Assert.Contains("operator-a", e.Message);
    }

    [Theory]
    [InlineData(Header + ",so_dien_thoai\n2025-Q3,51,528,21235,Thị trấn La Hà,4210,2960,3310,9,11,2130,1,\n", "column 'so_dien_thoai'")]
    [InlineData(Header + "\n2025-Q3,51,528,21235,Thị trấn La Hà,4210,2960,3310,9,11,2130,1\n2025-Q3,51,528,001099012345\n", "line 3, column 'ma_xa'")]
    public void PersonalData_IsFoundInTheHeaderAndInEveryLine_MalformedOnesToo(string csv, string where)
    {
        Assert.Contains(where, FeedGuard.Find(Encoding.UTF8.GetBytes(csv)));
        Assert.Null(FeedGuard.Find(Encoding.UTF8.GetBytes(Sample("operator-a"))));
    }

    [Fact]
    public void ByteOrderMarkAndCrlf_AreRead()
    {
        var csv = "\uFEFF" + Header + "\r\n2025-Q3,51,528,21235,Thị trấn La Hà,4210,2960,3310,9,11,2130,1\r\n";

        var (records, quarantined) = Read(csv, TelecomConnector.OperatorA);

        Assert.Empty(quarantined);
        Assert.Equal(5, records.Count);
        Assert.Equal("Thị trấn La Hà", records[0].Unit.Label);
    }

    [Theory]
    [InlineData("""{"files":[{"operator":"operator-a","period":"2025-Q3","file":"a.csv","size":1,"modified":"2025-10-21T02:00:00Z"}]}""", "no field 'sha256'")]
    [InlineData("""{"files":[{"operator":"operator-a","period":"2025-Q3","file":"../a.csv","size":1,"sha256":"SHA","modified":"2025-10-21T02:00:00Z"}]}""", "not a plain file name")]
    [InlineData("""{"items":[]}""", "no 'files' array")]
    [InlineData("""{"files":[{"operator":"operator-a","period":"2025-Q3","file":"a.csv","size":"big","sha256":"SHA","modified":"2025-10-21T02:00:00Z"}]}""", "size is not a byte count")]
    public void IndexDrift_FailsNamingTheField(string json, string message)
    {
        var e = Assert.Throws<SourceFormatException>(() => FeedIndex.Read(Encoding.UTF8.GetBytes(json.Replace("SHA", new string('a', 64), StringComparison.Ordinal))));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task FullPull_LandsOnePagePerOperatorFile_WithRealisticFigures()
    {
        await using var drop = Drop.Start();
        var pages = await drop.PullAsync("2025-Q3");

        Assert.Equal(["operator-a", "operator-b", "operator-c"], pages.Select(p => p.Payload.Stream));
        Assert.Equal(["GET /feeds/files/operator-a_2025-Q3.csv", "GET /feeds/files/operator-b_2025-Q3.csv", "GET /feeds/files/operator-c_2025-Q3.csv"], pages.Select(p => p.Payload.Request));
        Assert.All(pages, p => Assert.Empty(p.Quarantined));
        var records = pages.SelectMany(p => p.Records.Select(r => (p.Payload.Stream, Record: r))).ToList();
        Assert.Equal(drop.Simulator.ExpectedUnitKeys(Period.Parse("2025-Q3")), records.Select(r => (r.Stream, r.Record.Unit.Value)).Distinct().Count());

        // Every 2024 commune from a and b, about 60% from c; b's keys are names, some written with variants.
        var communes = SharedData.Simulation.Communes2024;
        Assert.Equal(communes.Count * 5, pages[0].Records.Count);
        Assert.Equal(communes.Count * 5, pages[1].Records.Count);
        Assert.InRange(pages[2].Records.Count / 5.0 / communes.Count, 0.5, 0.7);
        var names = pages[1].Records.Select(r => r.Unit.Value).Distinct().ToList();
        var registry = communes.Select(c => c.FullName).ToHashSet();
        Assert.All(names, n => Assert.Equal(3, n.Split(", ").Length));
        Assert.InRange(names.Count(n => !registry.Contains(n) && VariantShape().IsMatch(n)), communes.Count / 50, communes.Count / 10);

        // National figures (SOURCES.md section 3): smartphones 56-78% of adults by province, 73.5% nationally; signatures
        // 35% of adults in Q2/2025 and rising; TSLCD at 200 Mbps 88% by June 2025; fibre coverage 85.1% in 6/2025.
        var aged15 = communes.Sum(c => (double)c.Aged15Plus);
        var smartphones = Sum(records, "smartphone_subscribers_15_plus", r => r.Numerator);
        Assert.InRange(smartphones / aged15, 0.70, 0.90);
        Assert.InRange(Sum(records, "digital_signatures_personal", r => r.Numerator) / (aged15 * 0.94), 0.33, 0.45);
        var operatorA = pages[0].Records;
        Assert.InRange(operatorA.Where(r => r.Indicator == "tslcd_200mbps").Average(r => (double)r.Value!), 0.90, 0.96);
        var fibre = operatorA.Where(r => r.Indicator == "households_fibre").ToList();
        Assert.InRange(fibre.Sum(r => (double)r.Numerator!) / fibre.Sum(r => (double)r.Denominator!), 0.78, 0.92);
        Assert.InRange(fibre.Sum(r => (double)r.Denominator!) / communes.Sum(c => (double)c.Households), 0.98, 1.05);
        var sonLa = communes.Where(c => c.Province.Code == "14").Select(c => c.Unit.Code).ToHashSet();
        var sonLaFibre = fibre.Where(r => sonLa.Contains(r.Unit.Value)).ToList();
        Assert.InRange(sonLaFibre.Sum(r => (double)r.Numerator!) / sonLaFibre.Sum(r => (double)r.Denominator!), 0.40, 0.65);
        var houses = operatorA.Where(r => r.Indicator == "cultural_houses_fibre").ToList();
        Assert.All(houses, r => Assert.InRange(r.Numerator!.Value, 0, r.Denominator!.Value));
        Assert.InRange(houses.Average(r => (double)r.Denominator!), 5, 15);
    }

    [Fact]
    public async Task LaterPull_FetchesOnlyTheCorrectionFiles_OnceTheyHaveLanded()
    {
        await using var drop = Drop.Start();
        var first = await drop.PullAsync("2025-Q3");
        Assert.DoesNotContain(drop.Simulator.ListedFiles(), f => f.Contains("2025-Q3_correction", StringComparison.Ordinal));

        drop.Simulator.Clock.AsOf = drop.Simulator.Clock.AsOf.AddDays(90);
        drop.Simulator.ClearLog();
        var second = await drop.PullAsync("2025-Q3");

        string[] corrections = ["operator-a_2025-Q3_correction-1.csv", "operator-b_2025-Q3_correction-1.csv", "operator-c_2025-Q3_correction-1.csv"];
        Assert.Equal(corrections, drop.Simulator.Requests.Where(r => r.Endpoint == "files").Select(r => r.Get("file")));
        Assert.Equal(corrections.Select(c => $"GET /feeds/files/{c}"), second.Select(p => p.Payload.Request));
        Assert.InRange(second.Sum(p => p.Records.Count), 1, first.Sum(p => p.Records.Count) / 20);

        // A correction restates subscribers upward and leaves the network as it was.
        var before = first[0].Records.ToDictionary(r => (r.Unit.Value, r.Indicator));
        foreach (var restated in second[0].Records)
        {
            var old = before[(restated.Unit.Value, restated.Indicator)];
            if (restated.Indicator is "smartphone_subscribers_15_plus" or "digital_signatures_personal")
            {
                Assert.True(restated.Numerator > old.Numerator, $"{restated.Unit.Value} {restated.Indicator} should be restated upward");
            }
            else
            {
                Assert.Equal((old.Numerator, old.Denominator, old.Value), (restated.Numerator, restated.Denominator, restated.Value));
            }
        }

        drop.Simulator.ClearLog();
        Assert.Empty(await drop.PullAsync("2025-Q3"));
        Assert.DoesNotContain(drop.Simulator.Requests, r => r.Endpoint == "files");
    }

    [Fact]
    public async Task ReissuedFile_WithAnotherHash_IsFetchedAgain_AndOnlyIt()
    {
        await using var drop = Drop.Start();
        await drop.PullAsync("2025-Q3");
        var cursor = TelecomCursor.Parse(drop.Cursors["2025-Q3"]["operator-b"]);
        drop.Cursors["2025-Q3"]["operator-b"] = cursor.With("operator-b_2025-Q3.csv", new string('0', 64)).ToString();
        drop.Simulator.ClearLog();

        var pages = await drop.PullAsync("2025-Q3");

        Assert.Equal(["operator-b_2025-Q3.csv"], drop.Simulator.Requests.Where(r => r.Endpoint == "files").Select(r => r.Get("file")));
        Assert.Equal(cursor.ToString(), Assert.Single(pages).CursorAfter);
    }

    [Fact]
    public async Task UnpublishedQuarter_FetchesNoFile()
    {
        await using var drop = Drop.Start();

        Assert.Empty(await drop.PullAsync("2025-Q4"));
        Assert.Equal(["index"], drop.Simulator.Requests.Select(r => r.Endpoint));
    }

    [Fact]
    public async Task Drop_RefusesRequestsWithoutCredentials()
    {
        using var simulator = new TelecomSimulator(SharedData.Simulation, new SimulationClock());
        simulator.Start();
        using var http = new HttpClient { BaseAddress = simulator.Url };

        using var anonymous = await http.GetAsync(new Uri("/feeds/files/operator-a_2025-Q3.csv", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/feeds/index.json", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TelecomSimulator.Username}:{TelecomSimulator.Password}")));
        using var authorised = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
        Assert.Equal("true", authorised.Headers.GetValues("X-Simulated").Single());
    }

    private static (List<SourceRecord> Records, List<QuarantinedRecord> Quarantined) Read(string csv, string stream) =>
        FeedFileReader.Read(Encoding.UTF8.GetBytes(csv), FeedLayout.For(stream), "sample.csv", "2025-Q3", Codes.Value);

    private static double Sum(IEnumerable<(string Stream, SourceRecord Record)> records, string indicator, Func<SourceRecord, decimal?> value) =>
        records.Where(r => r.Record.Indicator == indicator).Sum(r => (double)value(r.Record)!);

    // The sample block under "<!-- sample:operator-x -->" in CONTRACT.md.
    private static string Sample(string stream)
    {
        var contract = File.ReadAllText(Path.Combine(PipelineHome.Find(), "connectors", "Telecom", "CONTRACT.md"));
        var match = Regex.Match(contract, $"<!-- sample:{stream} -->\\s*```csv\\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"CONTRACT.md has no sample for {stream}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"(^|, )(X|P|TT|H|TX|TP)\. |Phường 0\d|oà|oá|oả|oạ|uỳ|uý|uỷ|òa|óa|ỏa|ọa|ùy|úy|ủy")]
    private static partial Regex VariantShape();

    /// <summary>The simulator and the connector wired as the product wires them, landing pages in memory.</summary>
    private sealed class Drop : IAsyncDisposable
    {
        private readonly ServiceProvider _services;

        private Drop(TelecomSimulator simulator, ServiceProvider services)
        {
            Simulator = simulator;
            _services = services;
        }

        public TelecomSimulator Simulator { get; }

        /// <summary>Cursors by period, then stream, carried from one pull to the next.</summary>
        public Dictionary<string, Dictionary<string, string>> Cursors { get; } = [];

        public static Drop Start()
        {
            var simulator = new TelecomSimulator(SharedData.Simulation, new SimulationClock());
            simulator.Start();
            var services = new ServiceCollection();
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton(SharedData.Units);
            services.AddSourceConnector<ITelecomApi, TelecomConnector, TelecomOptions>(o =>
            {
                o.Http.BaseAddress = simulator.Url;
                SourceHarness.Fast(o.Http);
                o.Username = TelecomSimulator.Username;
                o.Password = TelecomSimulator.Password;
            }, o => o.Http);
            return new Drop(simulator, services.BuildServiceProvider(validateScopes: true));
        }

        public async Task<List<LandedPage>> PullAsync(string period)
        {
            if (!Cursors.TryGetValue(period, out var cursors))
            {
                Cursors[period] = cursors = [];
            }

            var session = new MemorySession(TelecomConnector.Descriptor, Period.Parse(period), cursors);
            await _services.GetRequiredService<ISourceConnector>().PullAsync(session, CancellationToken.None);
            return session.Pages;
        }

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            Simulator.Dispose();
        }
    }
}
