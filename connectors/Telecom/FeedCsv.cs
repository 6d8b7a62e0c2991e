using CsvHelper;

namespace Pipeline.Connectors.Telecom;

/// <summary>
/// How the operators' files are read (RFC 4180, comma, UTF-8, header row, one line per record). CsvHelper repairs
/// malformed quoting by default; here a malformed line or one with the wrong number of fields is skipped by the reader
/// and handed to a callback with its line number and raw text, so it is quarantined, never silently repaired.
/// </summary>
internal static class FeedCsv
{
    public static CsvReader Strict(byte[] content, Action<CsvMalformedRecord> malformed) =>
        CsvReader.Create(content, CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = malformed,
            AllowLineBreaksInQuotes = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
        });

    /// <summary>Every line as it is, whatever its shape: for the personal-data check, which must see all of them.</summary>
    public static CsvReader Lenient(byte[] content) =>
        CsvReader.Create(content, CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            AllowLineBreaksInQuotes = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
        });
}
