using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Health;

/// <summary>Reading the documented fields of a page: a missing one is schema drift and fails the run, naming it.</summary>
internal static class HealthJson
{
    public static JsonElement Required(JsonElement root, string name, string what) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
            ? value
            : throw new SourceFormatException($"health {what} has no '{name}' field");

    public static int RequiredInt(JsonElement root, string name, string what) =>
        Required(root, name, what) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var i)
            ? i
            : throw new SourceFormatException($"health {what} field '{name}' is not a whole number");

    public static JsonElement RequiredArray(JsonElement root, string name, string what) =>
        Required(root, name, what) is { ValueKind: JsonValueKind.Array } a
            ? a
            : throw new SourceFormatException($"health {what} field '{name}' is not an array");

    /// <summary>Throws when an item lacks one of the documented fields, listing the fields it has now.</summary>
    public static void RequireFields(JsonElement item, IEnumerable<string> fields, string what)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new SourceFormatException($"health {what} is {item.ValueKind}, not an object");
        }

        foreach (var field in fields)
        {
            if (!item.TryGetProperty(field, out _))
            {
                throw new SourceFormatException(
                    $"health {what} has no field '{field}' (fields now: {string.Join(", ", item.EnumerateObject().Select(p => p.Name))})");
            }
        }
    }

    /// <summary>A non-empty string as sent (codes are keys: never trimmed or repaired), or null when null, empty or not a string.</summary>
    public static string? Text(JsonElement item, string field) =>
        item.GetProperty(field) is { ValueKind: JsonValueKind.String } s && s.GetString() is { Length: > 0 } text ? text : null;
}
