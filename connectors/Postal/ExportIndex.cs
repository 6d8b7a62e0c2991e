using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Intake;

namespace Pipeline.Connectors.Postal;

/// <summary>
/// Reads a quarter's index.json (CONTRACT.md, "Export index") into the files to apply, oldest first and then by name,
/// so a correction file always comes after the file it corrects. A file name must be a plain name (it becomes part of
/// the download path); anything else, or a missing field, is schema drift and fails the run.
/// </summary>
internal static partial class ExportIndex
{
    public static List<ExportEntry> Read(byte[] body, string period)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (Text(root, "period", "export index") is var answered && answered != period)
        {
            throw new SourceFormatException($"postal export index answered for period {answered} when asked for {period}");
        }

        var entries = new List<ExportEntry>();
        var index = 0;
        foreach (var item in Required(root, "files", "export index", JsonValueKind.Array).EnumerateArray())
        {
            var at = $"export index files[{index++}]";
            var file = Text(item, "file", at);
            if (!PlainName().IsMatch(file))
            {
                throw new SourceFormatException($"{at}: file '{file}' is not a plain CSV file name");
            }

            var modified = Text(item, "modified", at);
            entries.Add(new ExportEntry(
                file,
                Text(item, "province", at),
                Required(item, "size", at, JsonValueKind.Number).TryGetInt64(out var size) ? size : throw new SourceFormatException($"{at}: size is not a whole number"),
                Text(item, "sha256", at).ToLowerInvariant(),
                DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
                    ? when
                    : throw new SourceFormatException($"{at}: modified '{modified}' is not a date-time")));
        }

        if (entries.GroupBy(e => e.File).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new SourceFormatException($"postal export index lists file '{twice.Key}' twice");
        }

        return [.. entries.OrderBy(e => e.Modified).ThenBy(e => e.File, StringComparer.Ordinal)];
    }

    private static string Text(JsonElement element, string name, string where) =>
        Required(element, name, where, JsonValueKind.String).GetString()!;

    private static JsonElement Required(JsonElement element, string name, string where, JsonValueKind kind) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new SourceFormatException($"postal {where} has no {kind.ToString().ToLowerInvariant()} field '{name}'");

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\.csv$")]
    private static partial Regex PlainName();
}

/// <summary>One file of the index.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the file as the operator wrote it.</param>
internal sealed record ExportEntry(string File, string Province, long Size, string Sha256, DateTimeOffset Modified);
