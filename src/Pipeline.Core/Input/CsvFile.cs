using CsvHelper;

namespace Pipeline.Core.Input;

/// <summary>
/// Reads a strict RFC 4180 CSV file with an exact header. Malformed quoting or a wrong field count is an error
/// with its line, never repaired silently (CsvHelper's default is to recover).
/// </summary>
public static class CsvFile
{
    private static readonly CsvReaderOptions Strict = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MissingField = CsvMissingFieldHandling.Throw,
        TrackLineNumbers = true,
        SkipEmptyLines = false,
    };

    /// <summary>
    /// Reads every row of <paramref name="path"/> through <paramref name="map"/>. A row that does not map is added to
    /// <paramref name="problems"/> with its line and skipped; the header must equal <paramref name="header"/>.
    /// </summary>
    public static CsvRows<T> Read<T>(string path, IReadOnlyList<string> header, Func<CsvLine, T> map, ProblemList problems) =>
        Read(path, header, optionalTrailingColumns: 0, map, problems);

    /// <summary>As <see cref="Read{T}(string, IReadOnlyList{string}, Func{CsvLine, T}, ProblemList)"/>, where the last
    /// <paramref name="optionalTrailingColumns"/> columns of the header may be absent.</summary>
    public static CsvRows<T> Read<T>(
        string path, IReadOnlyList<string> header, int optionalTrailingColumns, Func<CsvLine, T> map, ProblemList problems)
    {
        var file = Path.GetFileName(path);
        var rows = new CsvRows<T>(file);
        if (!File.Exists(path))
        {
            problems.Add(file, null, $"file not found at {path}");
            return rows;
        }

        try
        {
            using var reader = CsvReader.FromFile(path, Strict);
            reader.ReadHeader();
            var actual = reader.Headers.ToArray();
            var accepted = Enumerable.Range(0, optionalTrailingColumns + 1).Any(drop => actual.SequenceEqual(header.Take(header.Count - drop), StringComparer.Ordinal));
            if (!accepted)
            {
                problems.Add(file, 1, $"header is '{string.Join(',', actual)}', expected '{string.Join(',', header)}'");
                return rows;
            }

            while (reader.Read() && !problems.Full)
            {
                var line = new CsvLine(reader, file, reader.LineNumber);
                try
                {
                    rows.Add(map(line), line.Number);
                }
                catch (FieldException e)
                {
                    problems.Add(file, line.Number, e.Message);
                }
            }
        }
        catch (CsvFormatException e)
        {
            problems.Add(file, e.LineNumber > 0 ? e.LineNumber : null, e.Message);
        }

        return rows;
    }
}
