using System.Globalization;
using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// Reading the gateway's replies: a bare JSON array of flat row objects, every row carrying the paging total
/// (<c>TOTAL_ROW</c>). A documented field missing from a row is schema drift and fails the run, naming the field
/// and listing the fields the row has now; values are checked one by one so a bad one can be quarantined.
/// </summary>
internal static class PortalJson
{
    public static List<JsonElement> Rows(JsonDocument document, string service)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new SourceFormatException($"{service} answered a JSON {root.ValueKind.ToString().ToLowerInvariant()} where the contract has an array of rows");
        }

        var rows = new List<JsonElement>();
        var index = 0;
        foreach (var row in root.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object)
            {
                throw new SourceFormatException($"{service} row [{index}] is a JSON {row.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            rows.Add(row);
            index++;
        }

        return rows;
    }

    public static void Require(JsonElement row, string at, IReadOnlyList<string> fields, string service)
    {
        foreach (var field in fields)
        {
            if (!row.TryGetProperty(field, out _))
            {
                throw new SourceFormatException(
                    $"{service} row {at} has no field '{field}' (fields now: {string.Join(", ", row.EnumerateObject().Select(p => p.Name))})");
            }
        }
    }

    /// <summary>A string field as text, a number as its literal; null when empty or JSON null.</summary>
    public static string? Text(JsonElement row, string field) => row.GetProperty(field) switch
    {
        { ValueKind: JsonValueKind.String } s when s.GetString() is { Length: > 0 } text => text.Trim(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    /// <summary>The paging total every row carries; not a whole number is a broken envelope, not a bad row.</summary>
    public static int Total(JsonElement row, string at, string service) =>
        row.GetProperty("TOTAL_ROW") is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var total) && total >= 0
            ? total
            : throw new SourceFormatException($"{service} row {at}: TOTAL_ROW = {row.GetProperty("TOTAL_ROW").GetRawText()} is not a row count");

    /// <summary>A count: a JSON number, whole and not negative. Returns the problem, naming field and value, or null.</summary>
    public static string? Count(JsonElement row, string field, out decimal value)
    {
        var element = row.GetProperty(field);
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out value) && value >= 0 && value == decimal.Truncate(value))
        {
            return null;
        }

        value = 0;
        return $"{field} = {element.GetRawText()} is not a non-negative whole number";
    }

    /// <summary>A score: a JSON number in [0, <paramref name="bound"/>]. Returns the problem or null.</summary>
    public static string? Score(JsonElement row, string field, decimal bound, out decimal value)
    {
        var element = row.GetProperty(field);
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out value) && value >= 0 && value <= bound)
        {
            return null;
        }

        value = 0;
        return string.Create(CultureInfo.InvariantCulture, $"{field} = {element.GetRawText()} is not a score between 0 and {bound}");
    }
}
