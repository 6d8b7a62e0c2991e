using ClosedXML.Excel;
using Pipeline.Core.Input;

namespace Pipeline.Cli.Attestations;

/// <summary>
/// Reads a filled attestation form (the XLSX or CSV of <see cref="AttestationTemplate"/>) into raw rows, each with
/// where it stands (sheet, row and column letter; or CSV line and column) so every error can say so. Only the shape
/// of the file is checked here; <see cref="AttestationCheck"/> checks the values.
/// </summary>
internal static class AttestationFile
{
    public static IReadOnlyList<FilledRow> Read(string path, ProblemList problems)
    {
        var name = Path.GetFileName(path);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".xlsx":
                return ReadXlsx(path, name, problems);
            case ".csv":
                return ReadCsv(path, name, problems);
            default:
                problems.Add(name, null, "not an attestation form (.xlsx or .csv)");
                return [];
        }
    }

    private static IReadOnlyList<FilledRow> ReadXlsx(string path, string name, ProblemList problems)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException)
        {
            problems.Add(name, null, $"not a readable workbook: {e.Message}");
            return [];
        }

        using (workbook)
        {
            if (!workbook.TryGetWorksheet(AttestationTemplate.SheetName, out var sheet))
            {
                problems.Add(name, null, $"no sheet '{AttestationTemplate.SheetName}' (sheets: {string.Join(", ", workbook.Worksheets.Select(w => w.Name))})");
                return [];
            }

            var where = $"sheet '{sheet.Name}'";
            for (var i = 0; i < AttestationTemplate.Columns.Length; i++)
            {
                var header = sheet.Cell(AttestationTemplate.HeaderRow, i + 1).GetString().Trim();
                if (header != AttestationTemplate.Columns[i])
                {
                    problems.Add(name, null, $"{where} row {AttestationTemplate.HeaderRow} column {Letter(i)}: expected '{AttestationTemplate.Columns[i]}', found '{header}' (the form's columns were changed)");
                    return [];
                }
            }

            var unit = sheet.Cell(2, 2).GetString().Trim();
            var framework = sheet.Cell(4, 2).GetString().Trim();
            var year = sheet.Cell(5, 2).GetString().Trim();
            var rows = new List<FilledRow>();
            var last = sheet.LastRowUsed()?.RowNumber() ?? AttestationTemplate.HeaderRow;
            for (var r = AttestationTemplate.HeaderRow + 1; r <= last; r++)
            {
                var row = r;
                string Cell(string column) => sheet.Cell(row, Array.IndexOf(AttestationTemplate.Columns, column) + 1).GetString().Trim();
                var place = new Place(name, null, $"{where} row {r}", c => $"column {Letter(Array.IndexOf(AttestationTemplate.Columns, c))} ({c})", $"{where} cell B2 (unit_code)");
                rows.Add(new FilledRow(place, unit, framework, year, Cell("criterion"), Cell("value"), Cell("denominator"), Cell("evidence_url"), Cell("note")));
            }

            return rows;
        }
    }

    private static IReadOnlyList<FilledRow> ReadCsv(string path, string name, ProblemList problems)
    {
        string[] header = ["unit_code", "framework", "year", .. AttestationTemplate.Columns];
        var rows = CsvFile.Read(
            path,
            header,
            line => new FilledRow(
                new Place(name, line.Number, "", c => $"column {c}", "column unit_code"),
                Field(line, "unit_code"), Field(line, "framework"), Field(line, "year"), Field(line, "criterion"),
                Field(line, "value"), Field(line, "denominator"), Field(line, "evidence_url"), Field(line, "note")),
            problems);
        return rows.Items;
    }

    // Empty cells are how a form says "not attested": read them as empty text, not as an error.
    private static string Field(CsvLine line, string column) => line.OptionalText(column)?.Trim() ?? "";

    private static string Letter(int index) => ((char)('A' + index)).ToString();
}

/// <summary>One line of a filled form as written, with its place in the file.</summary>
internal sealed record FilledRow(Place Place, string UnitCode, string Framework, string Year, string Criterion, string Value, string Denominator, string EvidenceUrl, string Note);

/// <summary>
/// Where a row stands: the file, its CSV line (null in a workbook), the sheet and row ("sheet 'Attestation' row 12"),
/// how to name one of its columns, and where the commune's code is written.
/// </summary>
internal sealed record Place(string File, long? Line, string Row, Func<string, string> Column, string UnitCell)
{
    public void Add(ProblemList problems, string column, string problem) =>
        problems.Add(File, Line, $"{Prefix}{Column(column)}: {problem}");

    public void AddAtUnit(ProblemList problems, string problem) => problems.Add(File, Line, $"{UnitCell}: {problem}");

    /// <summary>What the stored attestation says it came from.</summary>
    public string Source => Line is { } line ? $"line {line}" : Row;

    private string Prefix => Row.Length == 0 ? "" : Row + " ";
}
