using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Postal;

/// <summary>
/// The operator's own unit list (CONTRACT.md, "Postcode registry"): which postcodes exist and what commune and province
/// each stands for. Export rows are checked against it and labelled from it, so a mapping from postcodes to commune
/// codes can be built later. A registry entry without a documented field, with a postcode that is not five digits, or
/// listed twice, or an empty registry, is a defect of the source's master list: the run fails rather than guess.
/// </summary>
internal sealed class PostcodeRegistry
{
    private static readonly string[] Fields = ["postcode", "communeName", "provinceName", "updatedAt"];
    private readonly Dictionary<string, string> _labels;

    private PostcodeRegistry(Dictionary<string, string> labels, RegistryStamp stamp)
    {
        _labels = labels;
        Stamp = stamp;
    }

    /// <summary>What the registry looked like: entries, newest change, hash (kept in the cursor for lineage).</summary>
    public RegistryStamp Stamp { get; }

    public int Count => _labels.Count;

    /// <summary>"Phường Ba Đình, Thành phố Hà Nội" for a known postcode; null for one the registry does not list.</summary>
    public string? LabelOf(string postcode) => _labels.GetValueOrDefault(postcode);

    /// <summary>Reads one page (a JSON array of entries).</summary>
    public static List<PostcodeEntry> ReadPage(byte[] body, int page)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new SourceFormatException($"postcode registry page {page} is not a JSON array");
        }

        var entries = new List<PostcodeEntry>();
        var index = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var at = $"postcode registry page {page} item {index++}";
            foreach (var field in Fields)
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
                {
                    var now = item.ValueKind == JsonValueKind.Object ? string.Join(", ", item.EnumerateObject().Select(p => p.Name)) : item.ValueKind.ToString();
                    throw new SourceFormatException($"{at} has no text field '{field}' (fields now: {now})");
                }
            }

            var postcode = item.GetProperty("postcode").GetString()!;
            if (!Postcodes.IsWellFormed(postcode))
            {
                throw new SourceFormatException($"{at}: postcode '{postcode}' is not 5 digits");
            }

            if (!DateTimeOffset.TryParse(item.GetProperty("updatedAt").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var updatedAt))
            {
                throw new SourceFormatException($"{at}: updatedAt '{item.GetProperty("updatedAt").GetString()}' is not a date-time");
            }

            entries.Add(new PostcodeEntry(postcode, item.GetProperty("communeName").GetString()!, item.GetProperty("provinceName").GetString()!, updatedAt));
        }

        return entries;
    }

    public static PostcodeRegistry From(IEnumerable<PostcodeEntry> entries)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var canonical = new StringBuilder();
        DateTimeOffset? newest = null;
        foreach (var entry in entries.OrderBy(e => e.Postcode, StringComparer.Ordinal))
        {
            if (!labels.TryAdd(entry.Postcode, $"{entry.CommuneName}, {entry.ProvinceName}"))
            {
                throw new SourceFormatException($"postcode registry lists postcode '{entry.Postcode}' twice");
            }

            canonical.Append(CultureInfo.InvariantCulture, $"{entry.Postcode}\t{entry.CommuneName}\t{entry.ProvinceName}\t{entry.UpdatedAt:O}\n");
            newest = newest is { } n && n >= entry.UpdatedAt ? n : entry.UpdatedAt;
        }

        // Every row would be an unknown unit: that is the registry failing, not 3,321 bad rows.
        if (labels.Count == 0)
        {
            throw new SourceFormatException("postcode registry is empty");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        return new PostcodeRegistry(labels, new RegistryStamp(labels.Count, newest, hash));
    }
}

internal sealed record PostcodeEntry(string Postcode, string CommuneName, string ProvinceName, DateTimeOffset UpdatedAt);

internal static class Postcodes
{
    public static bool IsWellFormed(string postcode) => postcode.Length == 5 && postcode.All(char.IsAsciiDigit);
}
