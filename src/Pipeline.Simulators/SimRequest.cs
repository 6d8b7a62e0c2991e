namespace Pipeline.Simulators;

/// <summary>A request as an endpoint sees it: its parameters (query, form or gateway JSON, flattened) and headers.</summary>
public sealed record SimRequest(
    string Endpoint,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Headers)
{
    public string? Get(string name) => Parameters.GetValueOrDefault(name);

    public int GetInt(string name, int fallback) =>
        int.TryParse(Get(name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
