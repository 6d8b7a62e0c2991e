namespace Pipeline.Simulators;

/// <summary>A request as an endpoint sees it: its parameters (query, form or gateway JSON, flattened) and headers.</summary>
/// <param name="ReceivedAt">Machine time (<see cref="TimeProvider.System"/>) the request arrived, so tests can measure how long a
/// client waited between attempts (a Retry-After honoured). Not the simulation clock, which stands still.</param>
public sealed record SimRequest(
    string Endpoint,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ReceivedAt = default)
{
    public string? Get(string name) => Parameters.GetValueOrDefault(name);

    public int GetInt(string name, int fallback) =>
        int.TryParse(Get(name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
