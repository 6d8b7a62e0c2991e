using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Intake;

namespace Pipeline.Connectors.Telecom;

/// <summary>One file the drop's index lists (CONTRACT.md, "File index").</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the file as the drop holds it.</param>
internal sealed record FeedIndexEntry(string Operator, string Period, string File, long Size, string Sha256, DateTimeOffset Modified);

/// <summary>
/// Reads <c>GET /feeds/index.json</c>. Every documented field is required: an entry without one is schema drift and
/// fails the run, since a guessed file list could skip data silently. File names go into a URL path, so anything but a
/// plain <c>name.csv</c> is refused.
/// </summary>
internal static partial class FeedIndex
{
    private static readonly string[] Fields = ["operator", "period", "file", "size", "sha256", "modified"];

    public static IReadOnlyList<FeedIndexEntry> Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("files", out var files)
            || files.ValueKind != JsonValueKind.Array)
        {
            throw new SourceFormatException("telecom index has no 'files' array");
        }

        var entries = new List<FeedIndexEntry>();
        var at = 0;
        foreach (var item in files.EnumerateArray())
        {
            var where = $"telecom index files[{at++}]";
            foreach (var field in Fields)
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(field, out _))
                {
                    throw new SourceFormatException($"{where} has no field '{field}'");
                }
            }

            var file = Text(item, "file", where);
            if (!SafeName().IsMatch(file))
            {
                throw new SourceFormatException($"{where}: file '{file}' is not a plain file name ending in .csv");
            }

            var sha = Text(item, "sha256", where);
            if (!Sha256Hex().IsMatch(sha))
            {
                throw new SourceFormatException($"{where}: sha256 '{sha}' is not 64 hex digits");
            }

            var modified = Text(item, "modified", where);
            entries.Add(new FeedIndexEntry(
                Text(item, "operator", where),
                Text(item, "period", where),
                file,
                item.GetProperty("size") is { ValueKind: JsonValueKind.Number } size && size.TryGetInt64(out var bytes) && bytes >= 0
                    ? bytes
                    : throw new SourceFormatException($"{where}: size is not a byte count"),
                sha.ToLowerInvariant(),
                DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
                    ? when
                    : throw new SourceFormatException($"{where}: modified '{modified}' is not a timestamp")));
        }

        return entries;
    }

    private static string Text(JsonElement item, string field, string where) =>
        item.GetProperty(field) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text
            ? text
            : throw new SourceFormatException($"{where}: '{field}' is not a non-empty string");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*\\.csv$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
