using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Cli.Tests.Support;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Tests.Reports;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Cli.Tests.Reports;

/// <summary>
/// `report levels` as an operator runs it, on a migrated warehouse with the admin units and <see cref="SampleLevels"/>:
/// refused while nothing is stored, then the page and its three tables, counted by hand from the sample.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed partial class ReportCommandTests(PostgresServer server) : IDisposable
{
    private const string AreasHeader =
        "era,year,province_code,province_name,district_code,district_name,communes,evaluated," +
        "level_0,level_1,level_2,level_3,level_4,level_5,attainable_0,attainable_1,attainable_2,attainable_3,attainable_4,attainable_5,simulated";

    private readonly string _out = Directory.CreateTempSubdirectory("report-levels-").FullName;

    [Fact]
    public async Task ReportLevels_WritesThePageAndTables_OfTheStoredLevels_AndIsRefusedWhileNoneAre()
    {
        var warehouse = await server.CreateDatabaseConnectionStringAsync("report_cli");
        await Succeeds(warehouse, "db", "migrate");
        await Succeeds(warehouse, "units", "load");

        var (refused, _, reason) = await CliRun.RunWithWarehouseAsync(warehouse, "report", "levels", "--out", _out);
        Assert.Equal(2, refused);
        Assert.Contains("no qd2361 levels stored for any year on the 2025 map; stored: none yet", reason);
        Assert.Empty(Directory.EnumerateFiles(_out));

        await using (var db = WarehouseDataSource.Create(warehouse))
        {
            await SampleLevels.StoreAsync(db);
        }

        var output = await Succeeds(warehouse, "report", "levels", "--out", _out);

        Assert.Contains("5 of 222 communes evaluated in 2 provinces; per level 0..5: 2 1 1 1 0 0", output);
        Assert.Equal(
            [
                AreasHeader,
                "2025,2025,01,Thành phố Hà Nội,,,126,3,1,1,1,0,0,0,1,1,0,1,0,0,false",
                "2025,2025,51,Tỉnh Quảng Ngãi,,,96,2,1,0,0,1,0,0,1,0,0,1,0,0,false",
            ],
            await Lines("levels_by_province_2025.csv"));
        Assert.Equal(
            [
                "era,year,province_code,province_name,evaluated,level_0,level_1,level_2,level_3,level_4,level_5,attainable_0,attainable_1,attainable_2,attainable_3,attainable_4,attainable_5,simulated",
                "2025,2024,,,2,2,0,0,0,0,0,1,1,0,0,0,0,false",
                "2025,2024,01,Thành phố Hà Nội,1,1,0,0,0,0,0,1,0,0,0,0,0,false",
                "2025,2024,51,Tỉnh Quảng Ngãi,1,1,0,0,0,0,0,0,1,0,0,0,0,false",
                "2025,2025,,,5,2,1,1,1,0,0,2,1,0,2,0,0,false",
                "2025,2025,01,Thành phố Hà Nội,3,1,1,1,0,0,0,1,1,0,1,0,0,false",
                "2025,2025,51,Tỉnh Quảng Ngãi,2,1,0,0,1,0,0,1,0,0,1,0,0,false",
            ],
            await Lines("levels_trend.csv"));
        var criteria = await Lines("blocking_criteria_2025.csv");
        Assert.Equal("era,year,province_code,province_name,district_code,district_name,criterion,name,blocking,missing,simulated", criteria[0]);
        Assert.Equal("2025,2025,,,,,X.XHS.06,Tỷ lệ người dân có hồ sơ sức khỏe điện tử,3,0,false", criteria[1]);
        Assert.Equal(
            ["X.XHS.06 3 0", "X.CQS.02 1 0", "X.XHS.01 1 0", "X.CQS.03 0 3", "X.CQS.06 0 2"],
            criteria.Skip(1).Select(Fields).Where(f => f[2] == "").Select(f => $"{f[6]} {f[^3]} {f[^2]}"));
        Assert.Equal(4, criteria.Skip(1).Count(l => l.StartsWith("2025,2025,01,", StringComparison.Ordinal)));

        var page = await File.ReadAllTextAsync(Path.Combine(_out, "levels_report_2025.html"));
        Assert.DoesNotMatch(ExternalReference(), page);
        using var data = JsonDocument.Parse(EmbeddedData().Match(page).Groups[1].Value);
        Assert.Equal(5, data.RootElement.GetProperty("total").GetProperty("counts").GetProperty("evaluated").GetInt32());
        Assert.Equal(["01", "51"], data.RootElement.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("provinceCode").GetString()));
        Assert.Contains("function render(report)", page);
    }

    [Fact]
    public async Task ReportLevels_OnThe2024Map_ListsDistrictsUnderTheirProvince()
    {
        var warehouse = await server.CreateDatabaseConnectionStringAsync("report_cli_2024");
        await Succeeds(warehouse, "db", "migrate");
        await Succeeds(warehouse, "units", "load");
        await using (var db = WarehouseDataSource.Create(warehouse))
        {
            await SampleLevels.StoreAsync(db);
        }

        await Succeeds(warehouse, "report", "levels", "--era", "2024", "--year", "2024", "--out", _out);

        Assert.Equal(
            [
                AreasHeader,
                "2024,2024,01,Thành phố Hà Nội,,,526,3,1,1,1,0,0,0,1,1,1,0,0,0,false",
                "2024,2024,01,Thành phố Hà Nội,001,Quận Ba Đình,13,2,1,1,0,0,0,0,1,1,0,0,0,0,false",
                "2024,2024,01,Thành phố Hà Nội,002,Quận Hoàn Kiếm,18,1,0,0,1,0,0,0,0,0,1,0,0,0,false",
                "2024,2024,51,Tỉnh Quảng Ngãi,,,170,1,1,0,0,0,0,0,0,0,1,0,0,0,false",
                "2024,2024,51,Tỉnh Quảng Ngãi,522,Thành phố Quảng Ngãi,22,1,1,0,0,0,0,0,0,0,1,0,0,0,false",
            ],
            await Lines("levels_by_province_2024_2024_units.csv"));
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private async Task<string[]> Lines(string name) => await File.ReadAllLinesAsync(Path.Combine(_out, name));

    // Criterion names may hold quoted commas: tests read the criterion from the front and the counts from the end.
    private static string[] Fields(string line) => line.Split(',');

    private static async Task<string> Succeeds(string warehouse, params string[] args)
    {
        var (exit, output, error) = await CliRun.RunWithWarehouseAsync(warehouse, args);
        Assert.True(exit == 0, $"pipeline {string.Join(' ', args)} exited {exit}: {error}");
        return output;
    }

    /// <summary>Anything that would make the browser fetch: a source or link attribute, a CSS url() or import (the script's own fetch runs only without embedded data).</summary>
    [GeneratedRegex(@"(?i:\b(src|href)\s*=)|url\(|@import")]
    private static partial Regex ExternalReference();

    [GeneratedRegex("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex EmbeddedData();
}
