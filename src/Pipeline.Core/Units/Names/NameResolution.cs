namespace Pipeline.Core.Units.Names;

/// <summary>The outcome of resolving one name: a code, the candidates it fits, or nothing (with why, for operators).</summary>
public sealed record NameResolution(NameStatus Status, string? Code, IReadOnlyList<string> Candidates, string? Reason)
{
    public static NameResolution Matched(string code) => new(NameStatus.Matched, code, [], null);

    public static NameResolution Ambiguous(IReadOnlyList<string> candidates) => new(NameStatus.Ambiguous, null, candidates, null);

    public static NameResolution Unmatched(string reason) => new(NameStatus.Unmatched, null, [], reason);
}

public enum NameStatus
{
    Matched,
    Ambiguous,
    Unmatched,
}

public static class NameStatuses
{
    public static string ToText(this NameStatus status) => status.ToString().ToLowerInvariant();
}
