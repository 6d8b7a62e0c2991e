using CsvHelper;

namespace Pipeline.Core.Input;

/// <summary>
/// CsvHelper options for source files whose bad lines are quarantined rather than fatal: RFC 4180, comma, UTF-8,
/// header row, one line per record (a stray quote must not swallow the lines after it). A malformed line or one
/// with the wrong number of fields is skipped by the reader and handed to <c>onMalformed</c> with its line number
/// and raw text, never repaired silently (CsvHelper's default). <see cref="CsvFile"/> is the fail-on-first-problem
/// counterpart for input files a person hands in.
/// </summary>
public static class QuarantiningCsv
{
    public static CsvReaderOptions Options(Action<CsvMalformedRecord> onMalformed) => CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        MalformedData = CsvMalformedDataHandling.Skip,
        FieldCountMismatch = CsvFieldCountHandling.Skip,
        MissingField = CsvMissingFieldHandling.Throw,
        OnMalformedRecord = onMalformed,
        AllowLineBreaksInQuotes = false,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        DetectSeparatorHint = false,
    };
}
