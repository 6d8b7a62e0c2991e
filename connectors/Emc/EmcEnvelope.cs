using System.Globalization;
using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Emc;

/// <summary>
/// The paging envelope both endpoints share (CONTRACT.md "Envelope"). Every field is required: a page without one
/// is schema drift, and a page that answers another page or size than asked is a source error, both failing the run.
/// </summary>
/// <param name="AsOf">The dossier-stats snapshot instant; null for the unit list, which has none.</param>
internal sealed record EmcEnvelope(JsonElement Data, int TotalPages, int TotalItems, string? AsOf)
{
    public static EmcEnvelope Read(JsonElement root, string endpoint, int page, int size, bool withAsOf)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SourceFormatException($"EMC {endpoint} answered a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not the paging envelope");
        }

        var data = Required(root, "data", endpoint);
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new SourceFormatException($"EMC {endpoint} field 'data' is a {data.ValueKind.ToString().ToLowerInvariant()}, not an array");
        }

        var answeredPage = Int(root, "page", endpoint);
        var answeredSize = Int(root, "size", endpoint);
        if (answeredPage != page || answeredSize != size)
        {
            throw new SourceFormatException(string.Create(
                CultureInfo.InvariantCulture, $"EMC {endpoint} answered page {answeredPage} size {answeredSize} when asked for page {page} size {size}"));
        }

        var asOf = withAsOf ? Instant(Required(root, "asOf", endpoint), "asOf", endpoint) : null;
        return new EmcEnvelope(data, Int(root, "totalPages", endpoint), Int(root, "totalItems", endpoint), asOf);
    }

    /// <summary>An instant as the contract writes it (ISO 8601), normalised to UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Instant(JsonElement value, string field, string endpoint) =>
        value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? Format(instant)
            : throw new SourceFormatException($"EMC {endpoint} field '{field}' = {value.GetRawText()} is not an ISO 8601 instant");

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static int Int(JsonElement root, string name, string endpoint) =>
        Required(root, name, endpoint) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) && number >= 0
            ? number
            : throw new SourceFormatException($"EMC {endpoint} field '{name}' = {root.GetProperty(name).GetRawText()} is not a non-negative whole number");

    private static JsonElement Required(JsonElement root, string name, string endpoint) =>
        root.TryGetProperty(name, out var value)
            ? value
            : throw new SourceFormatException(
                $"EMC {endpoint} page has no '{name}' field (fields now: {string.Join(", ", root.EnumerateObject().Select(p => p.Name))})");
}
