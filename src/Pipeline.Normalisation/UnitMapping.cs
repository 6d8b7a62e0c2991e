using Pipeline.Core.Units;
using Pipeline.Intake;

namespace Pipeline.Normalisation;

/// <summary>A source's key mapped to a unit (a row of <c>fact.unit_mapping</c>).</summary>
/// <param name="Method"><c>label</c> when the normaliser read it from the source's label, <c>steward</c> when decided by a person.</param>
public sealed record UnitMapping(UnitKeyKind KeyKind, string Key, Era Era, string Code, string Method, string? Label);
