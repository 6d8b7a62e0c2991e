using ClosedXML.Excel;
using Pipeline.Cli.Evaluation;
using Pipeline.Core.Evaluation;

namespace Pipeline.Cli.Attestations;

/// <summary>
/// The form a commune fills for the criteria no system measures: one file per commune (XLSX or CSV), listing each
/// such criterion with its unit and how to write the value, with empty value, denominator, evidence link and note
/// to fill. <see cref="AttestationFile"/> reads it back.
/// </summary>
internal static class AttestationTemplate
{
    public const string SheetName = "Attestation";
    public const int HeaderRow = 8;

    /// <summary>The table's columns, in order: also what the CSV header and the error messages call them.</summary>
    public static readonly string[] Columns = ["criterion", "criterion_name", "unit", "how", "value", "denominator", "evidence_url", "note"];

    public static void WriteXlsx(AttestationForm form, string path)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(SheetName);
        sheet.Cell(1, 1).Value = "XÃ XÁC NHẬN CÁC TIÊU CHÍ CHƯA CÓ HỆ THỐNG ĐO (attestation of criteria no system measures)";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        (string Label, object Value)[] header =
        [
            ("unit_code", form.UnitCode), ("unit_name", form.UnitName), ("framework", form.Framework), ("year", form.Year),
        ];
        for (var i = 0; i < header.Length; i++)
        {
            sheet.Cell(2 + i, 1).Value = header[i].Label;
            sheet.Cell(2 + i, 2).Value = header[i].Value;
        }

        sheet.Cell(6, 1).Value = "Fill value (and denominator for counts), an evidence link (http/https) and a note; leave value empty for a criterion not attested. Do not change columns A-D or the cells above.";
        for (var i = 0; i < Columns.Length; i++)
        {
            sheet.Cell(HeaderRow, i + 1).Value = Columns[i];
            sheet.Cell(HeaderRow, i + 1).Style.Font.Bold = true;
        }

        var row = HeaderRow;
        foreach (var c in form.Criteria)
        {
            row++;
            sheet.Cell(row, 1).Value = c.Code;
            sheet.Cell(row, 2).Value = c.Name;
            sheet.Cell(row, 3).Value = c.Unit ?? "";
            sheet.Cell(row, 4).Value = How(c.InputKind);
        }

        sheet.Column(2).Width = 60;
        sheet.Column(4).Width = 40;
        sheet.Column(7).Width = 40;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        workbook.SaveAs(path);
    }

    public static void WriteCsv(AttestationForm form, string path)
    {
        using var csv = new CsvOut(path, ["unit_code", "framework", "year", .. Columns]);
        foreach (var c in form.Criteria)
        {
            csv.Row(form.UnitCode, form.Framework, form.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Code, c.Name, c.Unit ?? "", How(c.InputKind), "", "", "", "");
        }

        csv.Commit();
    }

    /// <summary>How to write a value of this kind, as the officer reads it in the form.</summary>
    public static string How(ValueKind kind) => kind switch
    {
        ValueKind.YesNo => "có / không",
        ValueKind.Percent => "a percentage 0-100, or a count with its denominator",
        ValueKind.WholeNumber => "a whole number",
        ValueKind.CountOfTotal => "a whole number, with the total as denominator",
        _ => "a number of 0 or more",
    };
}

/// <summary>One commune's form: who it is for and the criteria to attest.</summary>
internal sealed record AttestationForm(string Framework, int Year, string UnitCode, string UnitName, IReadOnlyList<Criterion> Criteria);
