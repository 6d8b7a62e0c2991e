namespace Pipeline.Core.Units.Rebasing;

/// <summary>
/// Rebases counts from 2024 communes onto 2025 communes for trend analysis (SPEC section 4): numerators and
/// denominators are summed separately over predecessors. An old commune that went whole to one new commune, or
/// that was split with a <c>primary_target</c>, is allocated to that commune; a split without one is not divided
/// by any guess: it is returned as unallocated, and every new commune it touches is marked incomplete.
/// </summary>
public sealed class Rebaser
{
    private readonly CommuneSuccession _succession;

    public Rebaser(IEnumerable<CrosswalkEdge> crosswalk) => _succession = new CommuneSuccession(crosswalk);

    public (IReadOnlyList<NewCount> Rebased, IReadOnlyList<UnallocatedCount> Unallocated) Rebase(IEnumerable<OldCount> rows)
    {
        var sums = new Dictionary<(string Unit, string Measure), Sum>();
        var unallocated = new List<UnallocatedCount>();
        foreach (var row in rows)
        {
            var allocation = _succession.Allocate(row.UnitCode);
            if (allocation.Target is null)
            {
                unallocated.Add(new UnallocatedCount(row, allocation.Reason!, allocation.Touched));
                foreach (var code in allocation.Touched)
                {
                    SumOf(sums, code, row.Measure).Touched = true;
                }

                continue;
            }

            SumOf(sums, allocation.Target, row.Measure).Add(row);
        }

        var rebased = sums
            .OrderBy(s => s.Key.Unit, StringComparer.Ordinal).ThenBy(s => s.Key.Measure, StringComparer.Ordinal)
            .Select(s => new NewCount(
                s.Key.Unit,
                s.Key.Measure,
                s.Value.Rows == 0 ? null : s.Value.Numerator,
                s.Value.Rows == 0 || s.Value.DenominatorMissing ? null : s.Value.Denominator,
                !s.Value.Touched && _succession.PredecessorsOf(s.Key.Unit).IsSubsetOf(s.Value.Allocated)))
            .ToList();
        return (rebased, unallocated);
    }

    private static Sum SumOf(Dictionary<(string, string), Sum> sums, string unit, string measure)
    {
        if (!sums.TryGetValue((unit, measure), out var sum))
        {
            sums[(unit, measure)] = sum = new Sum();
        }

        return sum;
    }

    private sealed class Sum
    {
        public decimal Numerator { get; private set; }

        public decimal Denominator { get; private set; }

        public bool DenominatorMissing { get; private set; }

        public int Rows { get; private set; }

        public HashSet<string> Allocated { get; } = [];

        /// <summary>Touched by a predecessor that could not be allocated: never complete.</summary>
        public bool Touched { get; set; }

        public void Add(OldCount row)
        {
            Numerator += row.Numerator;
            Denominator += row.Denominator ?? 0;
            DenominatorMissing |= row.Denominator is null;
            Rows++;
            Allocated.Add(row.UnitCode);
        }
    }
}
