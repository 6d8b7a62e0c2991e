using System.Globalization;
using System.Text;
using CsvHelper;
using Pipeline.Intake;

namespace Pipeline.Connectors.Telecom;

/// <summary>
/// Reads one operator file into records and quarantine (CONTRACT.md, "Mapping"). The header is checked first: a
/// documented column missing or renamed, or a column the contract does not know, is schema drift and fails the run.
/// Each line then gives five records or goes to quarantine whole, with its line number, raw text and the reason. Text
/// is read in Unicode NFC, whichever form the file was written in.
/// </summary>
internal static class FeedFileReader
{
    /// <summary>An accepted line gives this many records (four counts and the flag).</summary>
    public const int RecordsPerLine = 5;

    public static (List<SourceRecord> Records, List<QuarantinedRecord> Quarantined) Read(
        byte[] content, FeedLayout layout, string file, string period, CommuneCodes codes)
    {
        try
        {
            return ReadLines(content, layout, file, period, codes);
        }
        catch (CsvFormatException e)
        {
            // What the reader cannot skip line by line (a record too large to buffer, a header it cannot read).
            throw new SourceFormatException($"{layout.Operator} file {file} is not readable CSV: {e.Message}");
        }
    }

    private static (List<SourceRecord> Records, List<QuarantinedRecord> Quarantined) ReadLines(
        byte[] content, FeedLayout layout, string file, string period, CommuneCodes codes)
    {
        var records = new List<SourceRecord>();
        var quarantined = new List<QuarantinedRecord>();
        using var reader = FeedCsv.Strict(content, m => quarantined.Add(new QuarantinedRecord(
            $"line {m.LineNumber}", m.RawRecord, QuarantineReasons.BadValue, $"malformed line ({m.Reason}): the header has {layout.Columns.Count} fields")));
        reader.ReadHeader();
        var columns = Columns(reader.Headers.ToArray(), layout, file);

        // The first line of each unit, so a second one names where the first was.
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var line = new FeedLine(reader, columns);
            var at = $"line {reader.LineNumber}";
            UnitKey? unit = null;
            var problem = Period(line, period);
            if (problem is null)
            {
                problem = Unit(line, layout, codes, out unit);
            }

            if (problem is null && !seen.TryAdd(unit!.Value, reader.LineNumber))
            {
                problem = (QuarantineReasons.DuplicateRow, $"second line for {Describe(unit)} in this file (first at line {seen[unit.Value]})");
            }

            var values = new long[FeedLayout.ValueColumns.Count];
            problem ??= Values(line, values);
            if (problem is var (reason, detail))
            {
                quarantined.Add(new QuarantinedRecord(at, Encoding.UTF8.GetString(reader.RawRecord), reason, detail));
                continue;
            }

            // values are in FeedLayout.ValueColumns order.
            records.Add(Count(unit!, "smartphone_subscribers_15_plus", values[0], null, period, at));
            records.Add(Count(unit!, "households_fibre", values[1], values[2], period, at));
            records.Add(Count(unit!, "cultural_houses_fibre", values[3], values[4], period, at));
            records.Add(Count(unit!, "digital_signatures_personal", values[5], null, period, at));
            records.Add(new SourceRecord(unit!, "tslcd_200mbps", period, null, null, values[6], ValueUnit.Flag, at));
        }

        return (records, quarantined);
    }

    private static Dictionary<string, int> Columns(string[] header, FeedLayout layout, string file)
    {
        foreach (var column in layout.Columns)
        {
            if (Array.IndexOf(header, column) < 0)
            {
                throw new SourceFormatException(
                    $"{layout.Operator} file {file}: column '{column}' is missing (header is '{string.Join(',', header)}')");
            }
        }

        if (header.FirstOrDefault(h => !layout.Columns.Contains(h)) is { } unknown)
        {
            throw new SourceFormatException($"{layout.Operator} file {file}: column '{unknown}' is not in the contract");
        }

        if (header.Length != layout.Columns.Count)
        {
            throw new SourceFormatException($"{layout.Operator} file {file}: a column appears twice in '{string.Join(',', header)}'");
        }

        return layout.Columns.ToDictionary(c => c, c => Array.IndexOf(header, c));
    }

    private static (string, string)? Period(FeedLine line, string period) =>
        line[FeedLayout.PeriodColumn] switch
        {
            "" => (QuarantineReasons.MissingField, $"{FeedLayout.PeriodColumn} is empty"),
            var p when p != period => (QuarantineReasons.WrongPeriod, $"{FeedLayout.PeriodColumn} = '{p}' in the file for {period}"),
            _ => null,
        };

    private static (string, string)? Unit(FeedLine line, FeedLayout layout, CommuneCodes codes, out UnitKey? unit)
    {
        unit = null;
        if (layout.KeyColumns.FirstOrDefault(c => line[c].Length == 0) is { } empty)
        {
            return (QuarantineReasons.MissingField, $"{empty} is empty");
        }

        if (layout.Keying == UnitKeyKind.Code)
        {
            var (province, district, commune) = (line["ma_tinh"], line["ma_huyen"], line["ma_xa"]);
            if (codes.Problem(province, district, commune) is { } unknown)
            {
                return (QuarantineReasons.UnknownUnit, unknown);
            }

            unit = new UnitKey(UnitKeyKind.Code, commune, line[layout.LabelColumn!] is { Length: > 0 } label ? label : null);
            return null;
        }

        var (tinh, huyen, xa) = (line["ten_tinh"], line["ten_huyen"], line["ten_xa"]);
        if (UnitNames.Problem(tinh, huyen, xa) is { } shape)
        {
            return (QuarantineReasons.UnknownUnit, shape);
        }

        unit = new UnitKey(UnitKeyKind.Name, $"{xa}, {huyen}, {tinh}");
        return null;
    }

    // Counts are whole and non-negative, the flag 0 or 1, and a numerator never above its denominator.
    private static (string, string)? Values(FeedLine line, long[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var column = FeedLayout.ValueColumns[i];
            var text = line[column];
            if (text.Length == 0)
            {
                return (QuarantineReasons.MissingField, $"{column} is empty");
            }

            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return (QuarantineReasons.BadValue, long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                    ? $"{column} = '{text}' is negative"
                    : $"{column} = '{text}' is not a whole number");
            }
        }

        return values[6] > 1 ? (QuarantineReasons.BadValue, $"tslcd_200mbps = '{values[6]}' is not 0 or 1")
            : values[1] > values[2] ? (QuarantineReasons.BadValue, $"so_ho_cap_quang = {values[1]} exceeds tong_so_ho = {values[2]}")
            : values[3] > values[4] ? (QuarantineReasons.BadValue, $"so_nvh_cap_quang = {values[3]} exceeds tong_so_nvh = {values[4]}")
            : null;
    }

    private static SourceRecord Count(UnitKey unit, string indicator, long numerator, long? denominator, string period, string at) =>
        new(unit, indicator, period, numerator, denominator, null, ValueUnit.Count, at);

    private static string Describe(UnitKey unit) => unit.Kind == UnitKeyKind.Code ? $"ma_xa '{unit.Value}'" : $"'{unit.Value}'";

    /// <summary>The current line's fields by column name.</summary>
    private readonly struct FeedLine(CsvReader reader, Dictionary<string, int> columns)
    {
        // NFC: a file exported on a system that writes Vietnamese decomposed (a + combining tilde for "ã") must give the
        // same names and labels as one written composed, or one commune becomes two keys. The raw text stays as received.
        public string this[string column] => reader.GetString(columns[column]).Normalize(NormalizationForm.FormC);
    }
}
