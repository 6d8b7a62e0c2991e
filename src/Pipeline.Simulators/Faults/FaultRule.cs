using System.Globalization;

namespace Pipeline.Simulators.Faults;

/// <summary>
/// One fault: its kind, the endpoint it applies to (null: every endpoint), request parameters that must all match
/// (e.g. page=3), how many matching requests it hits before it stops (null: every one), and, with
/// <paramref name="Every"/>, only every Nth matching request (10: a steady 10% of calls, as the bench faults a pull).
/// </summary>
/// <param name="Delay">How long a <see cref="FaultKind.Latency"/> response is held back.</param>
/// <param name="RetryAfter">The Retry-After a 429 (default 1 s) or a 503 (default none) sends.</param>
/// <param name="Share">The share of matching requests hit, spread evenly and the same on every run (0.3: the 4th, 7th,
/// 10th, ...); null hits every matching request. A flaky gateway, without the randomness that makes tests flaky.</param>
public sealed record FaultRule(
    FaultKind Kind,
    string? Endpoint = null,
    IReadOnlyDictionary<string, string>? When = null,
    int? Times = null,
    TimeSpan? Delay = null,
    TimeSpan? RetryAfter = null,
    double? Share = null,
    int? Every = null)
{
    /// <summary>
    /// Parses the command-line form <c>kind[:endpoint][@key=value,...][%every][*times]</c>, e.g. <c>429:stats@page=2*3</c>
    /// or <c>503%10</c> (every 10th request).
    /// Kinds: latency, 503, 429, reset, malformed-json, empty, truncated-csv, renamed-column, duplicated-rows,
    /// unknown-units, citizen-id.
    /// </summary>
    public static FaultRule Parse(string text)
    {
        var rest = text.Trim();
        int? times = null;
        if (rest.LastIndexOf('*') is var star and >= 0)
        {
            times = int.Parse(rest[(star + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
            rest = rest[..star];
        }

        int? every = null;
        if (rest.LastIndexOf('%') is var percent and >= 0)
        {
            every = int.Parse(rest[(percent + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
            rest = rest[..percent];
        }

        Dictionary<string, string>? when = null;
        if (rest.IndexOf('@') is var at and >= 0)
        {
            when = rest[(at + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .ToDictionary(p => p[0], p => p.Length == 2 ? p[1] : throw new FormatException($"fault '{text}': '{p[0]}' needs =value"));
            rest = rest[..at];
        }

        var parts = rest.Split(':', 2);
        return new FaultRule(KindOf(parts[0], text), parts.Length == 2 ? parts[1] : null, when, times, Every: every is > 0 ? every : null);
    }

    public static readonly IReadOnlyDictionary<string, FaultKind> Names = new Dictionary<string, FaultKind>
    {
        ["latency"] = FaultKind.Latency,
        ["503"] = FaultKind.ServerError,
        ["429"] = FaultKind.TooManyRequests,
        ["reset"] = FaultKind.ConnectionReset,
        ["malformed-json"] = FaultKind.MalformedJson,
        ["empty"] = FaultKind.EmptyBody,
        ["truncated-csv"] = FaultKind.TruncatedCsv,
        ["renamed-column"] = FaultKind.RenamedColumn,
        ["duplicated-rows"] = FaultKind.DuplicatedRows,
        ["unknown-units"] = FaultKind.UnknownUnits,
        ["citizen-id"] = FaultKind.CitizenIdentifier,
    };

    private static FaultKind KindOf(string name, string text) =>
        Names.TryGetValue(name, out var kind)
            ? kind
            : throw new FormatException($"fault '{text}': unknown kind '{name}'; known: {string.Join(", ", Names.Keys)}");
}
