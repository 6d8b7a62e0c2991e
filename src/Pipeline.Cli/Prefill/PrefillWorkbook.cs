using ClosedXML.Excel;
using Pipeline.Warehouse.Prefill;

namespace Pipeline.Cli.Prefill;

/// <summary>
/// One commune's pre-filled self-assessment as a workbook laid out like Phụ lục I of Decision 2361: the criteria in
/// the appendix's order and groups, with the value, unit, status, source, as-of date and evidence beside each, and
/// above them the level computed from the digital data and what blocks the next one.
/// </summary>
internal static class PrefillWorkbook
{
    public const string SheetName = "Phụ lục I";
    public const int HeaderRow = 8;

    private static readonly string[] Columns =
        ["STT", "Mã tiêu chí", "Tiêu chí", "Đơn vị tính", "Giá trị", "Mẫu số", "Tỷ lệ (%)", "Trạng thái", "Nguồn số liệu", "Số liệu đến ngày", "Minh chứng", "Ghi chú"];

    private static readonly double[] ColumnWidths = [5, 12, 60, 14, 12, 12, 10, 30, 40, 14, 40, 40];

    public static void Write(CommunePrefill commune, string path)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(SheetName);
        sheet.Cell(1, 1).Value = "BIỂU TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ CẤP XÃ (điền sẵn từ dữ liệu số)";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = $"Khung tiêu chí: Quyết định số 2361/QĐ-BTTTT, Phụ lục I; năm đánh giá {commune.Year}";
        sheet.Cell(3, 1).Value = "Đơn vị";
        SetText(sheet.Cell(3, 2), commune.UnitCode);
        sheet.Cell(3, 3).Value = $"{commune.UnitName}, {commune.ProvinceName}";
        sheet.Cell(4, 1).Value = "Mức đạt";
        sheet.Cell(4, 2).Value = commune.Level is { } level ? level : "chưa đánh giá";
        sheet.Cell(4, 3).Value = commune.LevelName ?? "";
        sheet.Cell(5, 1).Value = "Chặn mức tiếp theo";
        sheet.Cell(5, 3).Value = string.Join(", ", commune.Blocking);
        sheet.Cell(6, 1).Value = "Thiếu dữ liệu";
        sheet.Cell(6, 3).Value = string.Join(", ", commune.Missing);
        if (commune.Undetermined.Count > 0)
        {
            sheet.Cell(6, 5).Value = "Chưa xác định (undetermined)";
            sheet.Cell(6, 8).Value = string.Join(", ", commune.Undetermined);
        }
        if (commune.Criteria.Any(c => c.Simulated))
        {
            // Simulated figures are labelled wherever they appear.
            sheet.Cell(7, 1).Value = "SIMULATED: số liệu mô phỏng, không phải số liệu thật của các hệ thống quốc gia.";
            sheet.Cell(7, 1).Style.Font.FontColor = XLColor.Red;
        }

        for (var i = 0; i < Columns.Length; i++)
        {
            sheet.Cell(HeaderRow, i + 1).Value = Columns[i];
            sheet.Cell(HeaderRow, i + 1).Style.Font.Bold = true;
        }

        var row = HeaderRow;
        string? group = null;
        var number = 0;
        foreach (var c in commune.Criteria)
        {
            if (c.Group != group)
            {
                // The appendix heads each group of criteria with its name.
                group = c.Group;
                row++;
                sheet.Cell(row, 3).Value = group;
                sheet.Cell(row, 3).Style.Font.Bold = true;
            }

            row++;
            sheet.Cell(row, 1).Value = ++number;
            SetText(sheet.Cell(row, 2), c.Code);
            sheet.Cell(row, 3).Value = c.Name;
            sheet.Cell(row, 4).Value = c.Unit ?? "";
            SetNumber(sheet.Cell(row, 5), c.Value);
            SetNumber(sheet.Cell(row, 6), c.Denominator);
            SetNumber(sheet.Cell(row, 7), c.Percent);
            sheet.Cell(row, 8).Value = StatusText(c.Status);
            sheet.Cell(row, 9).Value = c.Source ?? "";
            sheet.Cell(row, 10).Value = c.AsOf is { } asOf ? asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
            sheet.Cell(row, 11).Value = c.Evidence ?? "";
            // Why a measured value does not decide the criterion (bounds straddling the threshold, parts incomplete).
            sheet.Cell(row, 12).Value = c.Note ?? "";
        }

        Layout(sheet);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        workbook.SaveAs(path);
    }

    /// <summary>The status as the form shows it: Vietnamese, with the code the CSV and API use.</summary>
    public static string StatusText(string status) => status switch
    {
        PrefillStatus.Automatic => "tự động (automatic)",
        PrefillStatus.Attested => "xã xác nhận (attested)",
        PrefillStatus.ConflictPending => "chờ xử lý chênh lệch (conflict pending)",
        _ => "thiếu (missing)",
    };

    /// <summary>
    /// Text that looks like a number stays text: ClosedXML 0.95.4 turns "00004" into the number 4 unless the cell is
    /// text before the value is set (../shared/MACHINE-NOTES.md), and a commune code is a string.
    /// </summary>
    private static void SetText(IXLCell cell, string text)
    {
        cell.Style.NumberFormat.Format = "@";
        cell.DataType = XLDataType.Text;
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    /// <summary>For reading on screen and on paper: the header row stays in view and repeats on every printed A4
    /// landscape page, one page wide; columns as wide as what they hold, long text wrapped.</summary>
    private static void Layout(IXLWorksheet sheet)
    {
        sheet.SheetView.FreezeRows(HeaderRow);
        // Fixed widths, in characters, for what each column holds: measuring text (AdjustToContents) needs GDI+,
        // which a Linux server does not have.
        for (var i = 0; i < ColumnWidths.Length; i++)
        {
            sheet.Column(i + 1).Width = ColumnWidths[i];
        }

        sheet.Columns(3, 3).Style.Alignment.WrapText = true;
        sheet.Columns(9, 12).Style.Alignment.WrapText = true;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
    }

    private static void SetNumber(IXLCell cell, decimal? value)
    {
        if (value is { } v)
        {
            cell.Value = v;
        }
    }
}
