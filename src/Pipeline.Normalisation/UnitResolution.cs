using Pipeline.Core.Units;

namespace Pipeline.Normalisation;

/// <summary>
/// Where a source's key puts a record: a unit (era, code) and how it was found, or why it could not be placed, with
/// the candidate codes a steward can choose from.
/// </summary>
/// <param name="Method"><c>code</c>, <c>name</c>, <c>label</c> or <c>steward</c> when placed.</param>
public sealed record UnitResolution(Era? Era, string? Code, string? Method, string? Reason, string? Detail, IReadOnlyList<string> Candidates)
{
    public bool IsPlaced => Code is not null;

    public static UnitResolution Placed(Era era, string code, string method) => new(era, code, method, null, null, []);

    public static UnitResolution Refused(string reason, string detail, IReadOnlyList<string>? candidates = null) =>
        new(null, null, null, reason, detail, candidates ?? []);
}
