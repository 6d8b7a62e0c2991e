using CsvHelper;
using Pipeline.Intake;
using Pipeline.Intake.PersonalData;

namespace Pipeline.Connectors.Telecom;

/// <summary>
/// Runs a downloaded file through <see cref="PersonalDataGuard"/> before any of it is parsed: the header for
/// identifier-named columns, then every line (malformed ones too, since those are quarantined with their raw text) for
/// identifier-shaped values. Aggregates per commune never hold a 12-digit number.
/// </summary>
internal static class FeedGuard
{
    public static string? Find(byte[] content)
    {
        try
        {
            return Scan(content);
        }
        catch (CsvFormatException e)
        {
            // A file that cannot be scanned cannot be shown clean: it is not landed.
            throw new SourceFormatException($"file is not readable CSV, so it cannot be checked for personal data: {e.Message}");
        }
    }

    private static string? Scan(byte[] content)
    {
        using var reader = FeedCsv.Lenient(content);
        reader.ReadHeader();
        var header = reader.Headers.ToArray();
        if (PersonalDataGuard.FindInCsvHeader(header) is { } inHeader)
        {
            return inHeader;
        }

        var fields = new List<string>();
        while (reader.Read())
        {
            fields.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                fields.Add(reader.GetString(i));
            }

            if (PersonalDataGuard.FindInCsvFields(header, fields, (int)reader.LineNumber) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
