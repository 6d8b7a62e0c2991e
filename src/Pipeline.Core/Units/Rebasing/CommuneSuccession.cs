namespace Pipeline.Core.Units.Rebasing;

/// <summary>
/// Where each 2024 commune went on the 2025 map, and where each 2025 commune came from, read from the crosswalk.
/// An old commune goes whole to its only target, or to its <c>primary_target</c> when it was split; a split
/// without one has no allocation (SPEC section 4: never divided by a guess).
/// </summary>
public sealed class CommuneSuccession
{
    private readonly ILookup<string, CrosswalkEdge> _edgesByOld;
    private readonly Dictionary<string, HashSet<string>> _predecessors;

    public CommuneSuccession(IEnumerable<CrosswalkEdge> crosswalk)
    {
        var edges = crosswalk.Where(e => e.OldCommuneCode is not null).ToList();
        _edgesByOld = edges.ToLookup(e => e.OldCommuneCode!, StringComparer.Ordinal);
        _predecessors = edges.GroupBy(e => e.NewCommuneCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.OldCommuneCode!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public Allocation Allocate(string oldCommuneCode)
    {
        var edges = _edgesByOld[oldCommuneCode].ToList();
        var target = edges.Count == 1 ? edges[0] : edges.SingleOrDefault(e => e.PrimaryTarget == true);
        if (target is not null)
        {
            return new Allocation(target.NewCommuneCode, [target.NewCommuneCode], null);
        }

        var touched = edges.Select(e => e.NewCommuneCode).Distinct().Order(StringComparer.Ordinal).ToList();
        return new Allocation(
            null,
            touched,
            edges.Count == 0
                ? "no crosswalk edge for this commune"
                : $"split across {touched.Count} new communes ({string.Join(';', touched)}) with no primary target");
    }

    /// <summary>The 2024 communes with an edge into this 2025 commune (empty for a code with none).</summary>
    public IReadOnlySet<string> PredecessorsOf(string newCommuneCode) =>
        _predecessors.TryGetValue(newCommuneCode, out var found) ? found : new HashSet<string>();
}

/// <summary>The 2025 commune an old commune is counted in (null when it cannot be allocated whole), every 2025
/// commune it touches, and why it could not be allocated.</summary>
public sealed record Allocation(string? Target, IReadOnlyList<string> Touched, string? Reason);
