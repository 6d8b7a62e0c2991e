using Pipeline.Core.Input;
using Pipeline.Core.Units;
using Pipeline.Warehouse.Reports;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Reports;

/// <summary>
/// The level report over <see cref="SampleLevels"/>: every count below is worked out by hand from the sample's
/// comments; the numbers of communes per area are those of the reference unit files.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class LevelReportBuilderTests(PostgresServer server, ReportedLevels warehouse) : IClassFixture<ReportedLevels>, IAsyncLifetime
{
    public Task InitializeAsync() => warehouse.SeedAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    private LevelReportBuilder Builder => new(warehouse.DataSource);

    [Fact]
    public async Task Report_CountsCommunesPerLevelPerProvince_OutOfEveryCommuneOfTheProvince()
    {
        var report = await BuildAsync(Era.Y2025, 2025);

        Assert.Equal(
            [
                "01/ Thành phố Hà Nội: 3 of 126, levels 1 1 1 0 0 0, attainable 1 1 0 1 0 0",
                "51/ Tỉnh Quảng Ngãi: 2 of 96, levels 1 0 0 1 0 0, attainable 1 0 0 1 0 0",
            ],
            report.Areas.Select(Row));
        Assert.Equal("/ : 5 of 222, levels 2 1 1 1 0 0, attainable 2 1 0 2 0 0", Row(report.Total));
        Assert.Equal(["none reached", "Khởi động", "Kết nối", "Cơ bản", "Nâng cao", "Toàn diện"], report.LevelNames);
        Assert.Equal(("qd2361", (short)2025, 2025, SampleLevels.EvaluatedAt.UtcDateTime), (report.Framework, report.Era, report.Year, report.EvaluatedAt));
    }

    [Fact]
    public async Task Criteria_CountTheCommunesEachBlocksOrLeavesMissing_MostBlockingFirst_OverallAndPerProvince()
    {
        var report = await BuildAsync(Era.Y2025, 2025);

        Assert.Equal(["X.XHS.06 3/0", "X.CQS.02 1/0", "X.XHS.01 1/0", "X.CQS.03 0/3", "X.CQS.06 0/2"], report.Criteria.Select(Count));
        Assert.Equal(["X.XHS.06 2/0", "X.XHS.01 1/0", "X.CQS.03 0/2", "X.CQS.06 0/1"], report.Areas.Single(a => a.ProvinceCode == "01").Criteria.Select(Count));
        Assert.Equal(["X.CQS.02 1/0", "X.XHS.06 1/0", "X.CQS.03 0/1", "X.CQS.06 0/1"], report.Areas.Single(a => a.ProvinceCode == "51").Criteria.Select(Count));
        Assert.Equal("Tỷ lệ người dân có hồ sơ sức khỏe điện tử", report.Criteria[0].Name);
    }

    [Fact]
    public async Task Trend_HasEveryYearEvaluatedOn2025Communes_PerProvince_AndNo2024MapRows()
    {
        var report = await BuildAsync(Era.Y2025, 2025);

        Assert.Equal((short)2025, report.TrendEra);
        Assert.Equal(
            [
                "2024 /: 2, levels 2 0 0 0 0 0, attainable 1 1 0 0 0 0",
                "2024 01/Thành phố Hà Nội: 1, levels 1 0 0 0 0 0, attainable 1 0 0 0 0 0",
                "2024 51/Tỉnh Quảng Ngãi: 1, levels 1 0 0 0 0 0, attainable 0 1 0 0 0 0",
                "2025 /: 5, levels 2 1 1 1 0 0, attainable 2 1 0 2 0 0 SIMULATED",
                "2025 01/Thành phố Hà Nội: 3, levels 1 1 1 0 0 0, attainable 1 1 0 1 0 0 SIMULATED",
                "2025 51/Tỉnh Quảng Ngãi: 2, levels 1 0 0 1 0 0, attainable 1 0 0 1 0 0 SIMULATED",
            ],
            report.Trend.Select(t => $"{t.Year} {t.ProvinceCode}/{t.ProvinceName}: {Counts(t.Counts)}{(t.Simulated ? " SIMULATED" : "")}"));
    }

    [Fact]
    public async Task A2024MapEvaluation_IsReportedPerProvinceAndDistrict()
    {
        var report = await BuildAsync(Era.Y2024, 2024);

        Assert.Equal(
            [
                "01/ Thành phố Hà Nội: 3 of 526, levels 1 1 1 0 0 0, attainable 1 1 1 0 0 0",
                "01/001 Quận Ba Đình: 2 of 13, levels 1 1 0 0 0 0, attainable 1 1 0 0 0 0",
                "01/002 Quận Hoàn Kiếm: 1 of 18, levels 0 0 1 0 0 0, attainable 0 0 1 0 0 0",
                "51/ Tỉnh Quảng Ngãi: 1 of 170, levels 1 0 0 0 0 0, attainable 0 0 1 0 0 0",
                "51/522 Thành phố Quảng Ngãi: 1 of 22, levels 1 0 0 0 0 0, attainable 0 0 1 0 0 0",
            ],
            report.Areas.Select(Row));
        Assert.Equal(["X.CQS.01 2/0", "X.XHS.04 1/0", "X.CQS.03 0/2"], report.Criteria.Select(Count));
        Assert.Equal(["X.CQS.01 2/0", "X.CQS.03 0/1"], report.Areas.Single(a => a.DistrictCode == "001").Criteria.Select(Count));
        Assert.False(report.Simulated);
        Assert.Equal((short)2025, report.TrendEra);
        Assert.Equal([2024, 2025], report.Trend.Where(t => t.ProvinceCode is null).Select(t => t.Year));
    }

    [Fact]
    public async Task AYearWithASimulatedFact_IsMarkedSimulated_AndOneWithoutIsNot()
    {
        Assert.True((await BuildAsync(Era.Y2025, 2025)).Simulated);
        Assert.False((await BuildAsync(Era.Y2025, 2024)).Simulated);
    }

    [Fact]
    public async Task WithoutAYear_TheLatestEvaluatedOnTheMapIsReported_AndAYearNeverEvaluatedIsEmpty()
    {
        var latest2025 = await Builder.BuildAsync(SampleLevels.Framework, Era.Y2025, null, default);
        var latest2024 = await Builder.BuildAsync(SampleLevels.Framework, Era.Y2024, null, default);
        var never = await BuildAsync(Era.Y2025, 2023);
        var evaluations = await Builder.EvaluationsAsync(SampleLevels.Framework, default);

        Assert.Equal((2025, 2024), (latest2025?.Year, latest2024?.Year));
        Assert.Equal((0, 0, 0), (never.Areas.Count, never.Total.Counts.Evaluated, never.Criteria.Count));
        Assert.Equal([(2025, 2025), (2025, 2024), (2024, 2024)], evaluations.Select(e => ((int)e.Era, e.Year)));
    }

    [Theory]
    [InlineData("dti", "not a levels framework")]
    [InlineData("nope", "unknown framework 'nope'")]
    [InlineData("../shared/x.json", "unknown framework")] // a request's text is never read as a file path
    public async Task AFrameworkWithoutLevels_IsRefused(string framework, string reason)
    {
        var refused = await Assert.ThrowsAsync<BadInputException>(() => Builder.BuildAsync(framework, Era.Y2025, 2025, default));
        Assert.Contains(reason, refused.Message);
    }

    private async Task<LevelReport> BuildAsync(Era era, int year) =>
        await Builder.BuildAsync(SampleLevels.Framework, era, year, default) ?? throw new InvalidOperationException($"no report for {year} on {era}");

    private static string Row(AreaLevels a) =>
        $"{a.ProvinceCode}/{a.DistrictCode} {a.DistrictName ?? a.ProvinceName}: {a.Counts.Evaluated} of {a.Communes}, {Levels(a.Counts)}";

    private static string Counts(LevelCounts c) => $"{c.Evaluated}, {Levels(c)}";

    private static string Levels(LevelCounts c) => $"levels {string.Join(' ', c.Levels)}, attainable {string.Join(' ', c.Attainable)}";

    private static string Count(CriterionCount c) => $"{c.Criterion} {c.Blocking}/{c.Missing}";
}
