using System.Globalization;
using System.Text.Json;
using Pipeline.Core.Input;

namespace Pipeline.Core.Evaluation;

/// <summary>Typed access to a framework file's JSON; every failure names the file and the element at fault.</summary>
internal readonly struct FrameworkJson(JsonElement element, string file, string where)
{
    public string File => file;

    public string Where => where;

    public FrameworkJson Child(string name, string childWhere) => new(Required(name), file, childWhere);

    public JsonElement Required(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Error($"'{name}' is missing");

    public bool Has(string name) => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string Text(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Error($"'{name}' must be a non-empty string");
    }

    public string? OptionalText(string name) => Has(name) ? Text(name) : null;

    public decimal Number(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : throw Error($"'{name}' must be a number");
    }

    public decimal? OptionalNumber(string name) => Has(name) ? Number(name) : null;

    public int? OptionalInt(string name) => Has(name) ? (int)Number(name) : null;

    public bool Flag(string name) => Has(name) && Required(name).ValueKind == JsonValueKind.True;

    public DateOnly Date(string name) =>
        DateOnly.TryParseExact(Text(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error($"'{name}' must be a date yyyy-MM-dd");

    public IEnumerable<FrameworkJson> Array(string name, Func<FrameworkJson, int, string> describe)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error($"'{name}' must be an array");
        }

        var items = value.EnumerateArray().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var item = new FrameworkJson(items[i], file, $"{where} {name}[{i}]");
            yield return new FrameworkJson(items[i], file, describe(item, i));
        }
    }

    public IReadOnlyList<string> Strings(string name)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw Error($"'{name}' must be an array of strings");
        }

        return value.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    public BadInputException Error(string problem) => new(new InputProblem(file, null, $"{where}: {problem}"));
}
