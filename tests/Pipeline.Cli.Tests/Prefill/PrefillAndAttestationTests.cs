using System.Globalization;
using ClosedXML.Excel;
using Dapper;
using Pipeline.Cli.Tests.Support;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Cli.Tests.Prefill;

/// <summary>
/// The commune's forms end to end on a warehouse the demo filled (Quảng Ngãi, province 51): an attestation form
/// filled with bad cells is sent back naming each cell and stores nothing; the corrected form is stored; the
/// pre-filled workbook and CSV show the measured and the attested values; coverage counts them.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class PrefillAndAttestationTests(PostgresServer server)
{
    private const string Commune = "21025";

    [Fact]
    public async Task AFormWithBadCellsIsRefusedWhole_TheCorrectedOneIsStored_AndThePrefillShowsBoth()
    {
        var warehouse = await server.CreateDatabaseConnectionStringAsync("prefill");
        var folder = Directory.CreateTempSubdirectory("pipeline-prefill-").FullName;
        await RunAsync(warehouse, "demo", "--out", Path.Combine(folder, "demo"), "--province", "51");
        await RunAsync(warehouse, "attest", "template", "--framework", "qd2361", "--year", "2025", "--unit", Commune, "--out", folder);
        var form = Path.Combine(folder, $"attest_qd2361_2025_{Commune}.xlsx");

        var bad = Fill(form, Path.Combine(folder, "bad.xlsx"), ("X.CQS.03", "abc", "https://example.invalid/a"), ("X.CQS.04", "có", "ftp://example.invalid/b"));
        var (refused, _, problems) = await CliRun.RunWithWarehouseAsync(warehouse, "attest", "import", bad.Path, "--by", "officer-test");

        Assert.Equal(2, refused);
        Assert.Contains($"bad.xlsx: sheet 'Attestation' row {bad.Rows["X.CQS.03"]} column E (value): value 'abc' is not a number of 0 or more", problems);
        Assert.Contains($"bad.xlsx: sheet 'Attestation' row {bad.Rows["X.CQS.04"]} column G (evidence_url): 'ftp://example.invalid/b' is not an http(s) link", problems);
        await using var db = WarehouseDataSource.Create(warehouse);
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from fact.attestation"));

        var good = Fill(form, Path.Combine(folder, "good.xlsx"), ("X.CQS.03", "85", "https://example.invalid/a"), ("X.CQS.04", "có", "https://example.invalid/b"));
        var imported = await RunAsync(warehouse, "attest", "import", good.Path, "--by", "officer-test");
        Assert.Contains("2 attested values: 2 new", imported);
        Assert.Equal(
            [("X.CQS.03", 85m, "officer-test", $"sheet 'Attestation' row {good.Rows["X.CQS.03"]}"), ("X.CQS.04", 1m, "officer-test", $"sheet 'Attestation' row {good.Rows["X.CQS.04"]}")],
            (await connection.QueryAsync<(string, decimal, string, string)>(
                "select criterion, value, attested_by, source_row from fact.attestation where unit_code = @Commune order by criterion", new { Commune })).ToList());

        await RunAsync(warehouse, "prefill", "--framework", "qd2361", "--year", "2025", "--province", "51", "--out", folder);
        var measured = await connection.QuerySingleAsync<(decimal Value, decimal Denominator)>(
            "select value, denominator from analytics.criterion_values_qd2361 where unit_code = @Commune and year = 2025 and criterion = 'X.CQS.01'", new { Commune });
        using (var workbook = new XLWorkbook(Path.Combine(folder, "xlsx", $"{Commune}_qd2361_2025.xlsx")))
        {
            var sheet = workbook.Worksheet("Phụ lục I");
            Assert.Equal(Commune, sheet.Cell(3, 2).GetString());
            // A code is text, so Excel shows a leading zero ("00004"), and the layout is for screen and A4 paper.
            Assert.Equal(XLDataType.Text, sheet.Cell(3, 2).DataType);
            Assert.Equal((8, 0), (sheet.SheetView.SplitRow, sheet.SheetView.SplitColumn));
            Assert.Equal((XLPaperSize.A4Paper, XLPageOrientation.Landscape), (sheet.PageSetup.PaperSize, sheet.PageSetup.PageOrientation));
            Assert.Contains("SIMULATED", sheet.Cell(7, 1).GetString());
            var rows = sheet.RowsUsed().Where(r => r.RowNumber() > 8 && !r.Cell(2).IsEmpty()).ToDictionary(r => r.Cell(2).GetString(), r => r);
            Assert.Equal(38, rows.Keys.Count(k => k.StartsWith("X.", StringComparison.Ordinal)));
            Assert.Equal((measured.Value, measured.Denominator), (rows["X.CQS.01"].Cell(5).GetValue<decimal>(), rows["X.CQS.01"].Cell(6).GetValue<decimal>()));
            Assert.Equal("tự động (automatic)", rows["X.CQS.01"].Cell(8).GetString());
            Assert.Matches("payload \\d+: .* \\(sha256 [0-9a-f]{64}\\)", rows["X.CQS.01"].Cell(11).GetString());
            Assert.Equal((85m, "xã xác nhận (attested)", "https://example.invalid/a"), (rows["X.CQS.03"].Cell(5).GetValue<decimal>(), rows["X.CQS.03"].Cell(8).GetString(), rows["X.CQS.03"].Cell(11).GetString()));
            Assert.Equal("thiếu (missing)", rows["X.CQS.05"].Cell(8).GetString());
        }

        var csv = await File.ReadAllLinesAsync(Path.Combine(folder, "prefill_qd2361_2025.csv"));
        var communes = await connection.ExecuteScalarAsync<int>("select count(*) from ref.admin_unit where era = 2025 and level = 'commune' and province_code = '51'");
        Assert.Equal((communes * 38) + 1, csv.Length);
        Assert.Contains(csv, l => l.StartsWith($"{Commune},", StringComparison.Ordinal) && l.Contains(",X.CQS.04,", StringComparison.Ordinal) && l.Contains(",attested,", StringComparison.Ordinal));

        // A commune whose operators' counts straddle a threshold says so beside the value, with the bounds.
        var (open, undetermined) = await connection.QueryFirstAsync<(string Unit, string[] Criteria)>(
            "select unit_code, undetermined from fact.level l join ref.admin_unit u on u.era = l.era and u.code = l.unit_code where l.year = 2025 and l.era = 2025 and u.province_code = '51' and l.undetermined <> '{}' order by unit_code");
        using (var workbook = new XLWorkbook(Path.Combine(folder, "xlsx", $"{open}_qd2361_2025.xlsx")))
        {
            var line = workbook.Worksheet("Phụ lục I").RowsUsed().Single(r => r.Cell(2).GetString() == undetermined[0]);
            Assert.Matches(@"^undetermined: [\d.]+%-[\d.]+% against [\d.]+% needed for level \d$", line.Cell(12).GetString());
        }

        var coverage = await RunAsync(warehouse, "coverage", "--framework", "qd2361", "--year", "2025", "--province", "51");
        var share = (100.0 / communes).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        Assert.Matches($"X.CQS.03 +0.0% +{share.Replace(".", "\\.", StringComparison.Ordinal)} ", coverage);
        Assert.Matches("X.CQS.01 +100.0% +0.0% +0.0% +0.0%", coverage);
    }

    /// <summary>A copy of the form with values, as an officer fills it; returns the row of each criterion filled.</summary>
    private static (string Path, Dictionary<string, int> Rows) Fill(string form, string path, params (string Criterion, string Value, string Evidence)[] values)
    {
        using var workbook = new XLWorkbook(form);
        var sheet = workbook.Worksheet("Attestation");
        var rows = new Dictionary<string, int>();
        foreach (var (criterion, value, evidence) in values)
        {
            var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == criterion);
            row.Cell(5).Value = value;
            row.Cell(7).Value = evidence;
            rows[criterion] = row.RowNumber();
        }

        workbook.SaveAs(path);
        return (path, rows);
    }

    private static async Task<string> RunAsync(string warehouse, params string[] args)
    {
        var (exit, output, error) = await CliRun.RunWithWarehouseAsync(warehouse, args);
        Assert.True(exit == 0, $"{string.Join(' ', args)} exited {exit}: {error}");
        return output;
    }
}
