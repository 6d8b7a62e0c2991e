using CsvHelper;
using Pipeline.Core.Input;

namespace Pipeline.Connectors.Telecom;

/// <summary>
/// How the operators' files are read: strictly for records (bad lines quarantined, Pipeline.Core.Input.QuarantiningCsv),
/// leniently for the personal-data check, which must see every line whatever its shape.
/// </summary>
internal static class FeedCsv
{
    public static CsvReader Strict(byte[] content, Action<CsvMalformedRecord> malformed) =>
        CsvReader.Create(content, QuarantiningCsv.Options(malformed));

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
