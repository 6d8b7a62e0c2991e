using System.Text.Json.Serialization;

namespace Pipeline.Warehouse.Reconciliation;

/// <summary>
/// One current fact taking part in a comparison: a source's (and stream's) value of a measure for a unit and period.
/// Stored in <c>fact.reconciliation.candidates</c> as it was compared, so the audit trail shows what a decision saw.
/// </summary>
public sealed record Candidate(
    string Source,
    string Stream,
    string Indicator,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Value,
    string ValueUnit,
    bool Complete,
    bool Simulated,
    int Revision)
{
    /// <summary>What is compared: the count when there is one (rates are compared by their counts), else the value.</summary>
    [JsonIgnore]
    public decimal? Compared => Numerator ?? Value;

    /// <summary>"telecom/operator-a": how people and the CLI name a candidate.</summary>
    [JsonIgnore]
    public string Origin => $"{Source}/{Stream}";

    /// <summary>Whether two candidate lists hold the same values (a rerun of a load must find nothing to do).</summary>
    public static bool SameValues(IReadOnlyList<Candidate> a, IReadOnlyList<Candidate> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.SameValueAs(p.Second));

    // Revision numbers are not compared: a revision that restates the same value changes nothing a decision rests on.
    private bool SameValueAs(Candidate other) =>
        (Source, Stream, Indicator, Numerator, Denominator, Value, ValueUnit, Complete)
        == (other.Source, other.Stream, other.Indicator, other.Numerator, other.Denominator, other.Value, other.ValueUnit, other.Complete);
}
