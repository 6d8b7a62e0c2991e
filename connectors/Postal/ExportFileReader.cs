using System.Text;
using CsvHelper;
using Pipeline.Core.Input;
using Pipeline.Intake;
using Pipeline.Intake.PersonalData;

namespace Pipeline.Connectors.Postal;

/// <summary>
/// Reads one export file (CONTRACT.md, "Export files") into records and quarantine (Pipeline.Core.Input.QuarantiningCsv):
/// a malformed line (bad quoting, wrong field count) is never repaired but quarantined
/// with its line number and raw text; a missing or renamed column fails the file by name. Every line is checked for
/// personal data before it is mapped, so a refused file yields nothing.
/// </summary>
internal static class ExportFileReader
{
    public static ExportFileContent Read(byte[] content, string file, string period, PostcodeRegistry registry)
    {
        var malformed = new List<CsvMalformedRecord>();
        // An empty line is a malformed record here, not skipped: the contract has none.
        using var reader = CsvReader.Create(content, QuarantiningCsv.Options(malformed.Add) with { SkipEmptyLines = false });
        reader.ReadHeader();
        var header = reader.Headers.ToArray();
        if (PersonalDataGuard.FindInCsvHeader(header) is { } inHeader)
        {
            return ExportFileContent.Refused(inHeader);
        }

        if (!reader.TryValidateHeader<ExportRow>(out var missing))
        {
            throw new SourceFormatException(
                $"postal export file {file}: column {string.Join(", ", missing)} missing; header now: {string.Join(',', header)}");
        }

        var mapper = CsvRecordMapper.Create<ExportRow>(reader);
        var rows = new ExportRows(period, registry);
        while (reader.Read())
        {
            var line = reader.LineNumber;
            var fields = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
            if (PersonalDataGuard.FindInCsvFields(header, fields, (int)line) is { } inFields)
            {
                return ExportFileContent.Refused(inFields);
            }

            var raw = Encoding.UTF8.GetString(reader.RawRecord);
            ExportRow row;
            try
            {
                row = reader.GetRecord(mapper);
            }
            catch (CsvFormatException e)
            {
                rows.Quarantine(line, raw, QuarantineReasons.BadValue, e.InnerException?.Message is { } why ? $"{Column(e, header)}: {why}" : e.Message);
                continue;
            }

            rows.Add(row, line, raw);
        }

        foreach (var bad in malformed)
        {
            if (PersonalDataGuard.FindInCsvFields(header, bad.RawRecord.Split(','), (int)bad.LineNumber) is { } inRaw)
            {
                return ExportFileContent.Refused(inRaw);
            }

            rows.Quarantine(bad.LineNumber, bad.RawRecord, QuarantineReasons.BadValue, $"malformed CSV line ({bad.Reason}), not repaired");
        }

        return new ExportFileContent(rows.Records, rows.Quarantined, null);
    }

    private static string Column(CsvFormatException e, string[] header) =>
        e.FieldIndex >= 0 && e.FieldIndex < header.Length ? $"column {header[e.FieldIndex]}" : e.Member ?? "a field";
}

/// <summary>What a file held; <see cref="PersonalData"/> set means it must be refused whole and nothing else is used.</summary>
internal sealed record ExportFileContent(List<SourceRecord> Records, List<QuarantinedRecord> Quarantined, string? PersonalData)
{
    public static ExportFileContent Refused(string finding) => new([], [], finding);
}
