using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Connectors.Postal;
using Pipeline.Connectors.Telecom;
using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Core.Periods;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Postal;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Reliability;

/// <summary>
/// Scenario04_BadCsv: "bad CSV (stray quote, wrong field count, BOM, NFD-decomposed Vietnamese): bad lines quarantined
/// with line number and raw text; the batch aborts above a configured bad-row share." Stray quotes and wrong field
/// counts are already pinned per line (<c>TelecomContractTests.BadLines_AreQuarantinedWholeWithLineNumberRawTextAndReason</c>,
/// <c>PostalContractTests.BadRows_AreQuarantinedWithTheirLineRawTextAndAReasonNamingFieldAndValue</c>) and a BOM in a
/// telecom file (<c>TelecomContractTests.ByteOrderMarkAndCrlf_AreRead</c>). This adds decomposed Vietnamese, a BOM in a
/// postal file together with bad lines, and the limit on a file's bad-line share (<c>MaxBadLineShare</c>).
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class BadCsvTests(PostgresServer server)
{
    private const string CodeHeader =
        "ky_bao_cao,ma_tinh,ma_huyen,ma_xa,ten_xa,so_tb_smartphone_15t,so_ho_cap_quang,tong_so_ho,so_nvh_cap_quang,tong_so_nvh,so_cks_ca_nhan,tslcd_200mbps";

    private const string NameHeader =
        "ky_bao_cao,ten_tinh,ten_huyen,ten_xa,so_tb_smartphone_15t,so_ho_cap_quang,tong_so_ho,so_nvh_cap_quang,tong_so_nvh,so_cks_ca_nhan,tslcd_200mbps";

    private const string PostalHeader = "period,postcode,service_points,service_points_with_pc,ocop_products,ocop_products_online,digital_addresses,households";

    private const string NameLine = "2025-Q3,Tỉnh Quảng Ngãi,Huyện Tư Nghĩa,Xã Nghĩa Phương,2388,1605,2215,6,9,1183,1";

    [Fact]
    public void DecomposedVietnamese_GivesTheSameKeysAndLabelsAsComposed()
    {
        var composed = ReadTelecom(NameHeader + "\n" + NameLine + "\n", TelecomConnector.OperatorB);
        var decomposed = ReadTelecom((NameHeader + "\n" + NameLine + "\n").Normalize(NormalizationForm.FormD), TelecomConnector.OperatorB);
        var labelled = ReadTelecom(
            (CodeHeader + "\n2025-Q3,51,528,21235,Thị trấn La Hà,4210,2960,3310,9,11,2130,1\n").Normalize(NormalizationForm.FormD), TelecomConnector.OperatorA);

        Assert.Empty(decomposed.Quarantined);
        Assert.Equal(composed.Records, decomposed.Records);
        Assert.Equal("Xã Nghĩa Phương, Huyện Tư Nghĩa, Tỉnh Quảng Ngãi", decomposed.Records[0].Unit.Value);
        Assert.Equal("Thị trấn La Hà", labelled.Records[0].Unit.Label);
    }

    [Fact]
    public void OneCommuneWrittenComposedAndDecomposed_IsADuplicate_WithTheRawLineAsReceived()
    {
        var second = NameLine.Normalize(NormalizationForm.FormD);

        var (records, quarantined) = ReadTelecom(NameHeader + "\n" + NameLine + "\n" + second + "\n", TelecomConnector.OperatorB);

        Assert.Equal(5, records.Count);
        var q = Assert.Single(quarantined);
        Assert.Equal(("line 3", QuarantineReasons.DuplicateRow, second), (q.RecordRef, q.Reason, q.Raw));
        Assert.Contains("first at line 2", q.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PostalFileWithAByteOrderMark_IsRead_AndItsStrayQuoteAndShortLineAreQuarantinedWithLineAndRawText()
    {
        string[] lines =
        [
            "\uFEFF" + PostalHeader,
            "2025-Q3,10100,11,8,0,0,12960,18578",
            "2025-Q3,10105,10,\"8,0,0,21292,26725",
            "2025-Q3,10110,9,7,0,0,21558",
            "2025-Q3,10115,3,1,0,0,100,200",
        ];
        var registry = PostcodeRegistry.From(
            new[] { "10100", "10105", "10110", "10115" }.Select(p => new PostcodeEntry(p, $"Xã {p}", "Tỉnh Mẫu (SIMULATED)", DateTimeOffset.UnixEpoch)));

        var content = ExportFileReader.Read(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), "2025-Q3_10.csv", "2025-Q3", registry);

        Assert.Equal(["10100", "10115"], content.Records.Select(r => r.Unit.Value).Distinct());
        Assert.Equal(
            [("line 3", lines[2]), ("line 4", lines[3])],
            content.Quarantined.Select(q => (q.RecordRef, q.Raw)).OrderBy(q => q.RecordRef, StringComparer.Ordinal));
        Assert.All(content.Quarantined, q => Assert.Equal(QuarantineReasons.BadValue, q.Reason));
    }

    [Theory]
    [InlineData(10, 2, 0.2, false)]
    [InlineData(10, 3, 0.2, true)]
    [InlineData(1, 1, 1.0, false)]
    [InlineData(0, 0, 0.0, false)]
    public void BadLineShare_AboveTheConfiguredMaximum_RefusesTheFile(int lines, int bad, double max, bool refused)
    {
        var error = Record.Exception(() => BadLineLimit.Check("operator-a file sample.csv", lines, bad, max));

        if (refused)
        {
            var e = Assert.IsType<SourceFormatException>(error);
            Assert.Contains("operator-a file sample.csv: 3 of 10 lines (30.0%) are bad, above the configured maximum of 20.0%", e.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(error);
        }
    }

    [Fact]
    public async Task FileAboveTheConfiguredBadLineShare_FailsTheRun_AndNothingOfItIsStored()
    {
        // Every tenth row repeated: 1 line in 11 is a duplicate (9%), above a configured 5%.
        await using var h = await SourceHarness.StartAsync(server, new PostalSimulator(SharedData.Simulation, new SimulationClock()), (services, url) =>
            services.AddSourceConnector<IPostalApi, PostalConnector, PostalOptions>(o =>
            {
                o.Http.BaseAddress = url;
                SourceHarness.Fast(o.Http);
                o.ApiKey = PostalSimulator.ApiKey;
                o.MaxBadLineShare = 0.05;
            }, o => o.Http));
        var second = new Dictionary<string, string> { ["period"] = "2025-Q3", ["file"] = "2025-Q3_12.csv" };
        h.Simulator.Faults.Add(new FaultRule(FaultKind.DuplicatedRows, "export-file", second));

        var report = await h.PullAsync(Period.Parse("2025-Q3"));

        Assert.Equal("failed", report.Status);
        Assert.Matches(@"postal export file 2025-Q3_12\.csv: \d+ of \d+ lines \(9\.\d%\) are bad, above the configured maximum of 5\.0%", report.Error);
        Assert.Equal((1, 0), (report.PagesLanded, report.Quarantined));
        Assert.Equal(0, await IntakeTables.QuarantinedAsync(h.Database, h.Source, QuarantineReasons.DuplicateRow));
        Assert.Equal(1, await IntakeTables.PayloadsAsync(h.Database, h.Source, PostalConnector.Stream));
        var cursor = await IntakeTables.CursorAsync(h.Database, h.Source, PostalConnector.Stream, "2025-Q3");
        Assert.DoesNotContain("2025-Q3_12.csv", cursor, StringComparison.Ordinal);
    }

    private static (List<SourceRecord> Records, List<QuarantinedRecord> Quarantined) ReadTelecom(string csv, string stream) =>
        FeedFileReader.Read(Encoding.UTF8.GetBytes(csv), FeedLayout.For(stream), "sample.csv", "2025-Q3", CommuneCodes.From(SharedData.Units));
}
