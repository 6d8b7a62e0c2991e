namespace Pipeline.Simulators.Faults;

/// <summary>
/// The faults switched on in one simulator. Thread-safe: requests arrive concurrently. The first active rule that
/// matches a request applies, and uses up one of its times.
/// </summary>
public sealed class FaultSet
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int Left, long Seen)> _rules = [];

    public void Add(FaultRule rule)
    {
        if (rule.Share is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Share, "a fault's share of requests is between 0 and 1");
        }

        lock (_gate)
        {
            _rules.Add((rule, rule.Times ?? int.MaxValue, 0));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The fault for this request, or null for a normal response.</summary>
    public FaultRule? Take(string endpoint, IReadOnlyDictionary<string, string> parameters)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, left, seen) = _rules[i];
                if (left > 0 && (rule.Endpoint is null || rule.Endpoint == endpoint) && Matches(rule, parameters))
                {
                    // A share or every-Nth rule lets the other requests through (a retried request counts as a new one).
                    var next = seen + 1;
                    var hit = (rule.Share is not { } share || HitsShare(share, next)) && (rule.Every is not { } every || next % every == 0);
                    _rules[i] = (rule, hit ? left - 1 : left, next);
                    if (hit)
                    {
                        return rule;
                    }
                }
            }

            return null;
        }
    }

    // The n-th matching request is hit when floor(n * share) steps up: exactly share of them, evenly spread.
    private static bool HitsShare(double share, long n) => Math.Floor(n * share) > Math.Floor((n - 1) * share);

    private static bool Matches(FaultRule rule, IReadOnlyDictionary<string, string> parameters) =>
        rule.When is null || rule.When.All(w => parameters.TryGetValue(w.Key, out var v) && v == w.Value);
}
