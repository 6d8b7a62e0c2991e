namespace Pipeline.Core.Units.Rebasing;

/// <summary>
/// Rebases counts from 2024 communes onto 2025 communes for trend analysis (SPEC section 4): numerators and
/// denominators are summed separately over predecessors. An old commune that went whole to one new commune, or
/// that was split with a <c>primary_target</c>, is allocated to that commune; a split without one is not divided
/// by any guess: it is returned as unallocated, and every new commune it touches is marked incomplete.
/// </summary>
public sealed class Rebaser
{
    private readonly ILookup<string, CrosswalkEdge> _edgesByOld;
    private readonly Dictionary<string, HashSet<string>> _predecessors;

    public Rebaser(IEnumerable<CrosswalkEdge> crosswalk)
    {
        var edges = crosswalk.Where(e => e.OldCommuneCode is not null).ToList();
        _edgesByOld = edges.ToLookup(e => e.OldCommuneCode!);
        _predecessors = edges.GroupBy(e => e.NewCommuneCode).ToDictionary(g => g.Key, g => g.Select(e => e.OldCommuneCode!).ToHashSet());
    }

    public (IReadOnlyList<NewCount> Rebased, IReadOnlyList<UnallocatedCount> Unallocated) Rebase(IEnumerable<OldCount> rows)
    {
        var sums = new Dictionary<(string Unit, string Measure), Sum>();
        var unallocated = new List<UnallocatedCount>();
        foreach (var row in rows)
        {
            var edges = _edgesByOld[row.UnitCode].ToList();
            var target = edges.Count == 1 ? edges[0] : edges.SingleOrDefault(e => e.PrimaryTarget == true);
            if (target is null)
            {
                var touched = edges.Select(e => e.NewCommuneCode).Distinct().Order(StringComparer.Ordinal).ToList();
                unallocated.Add(new UnallocatedCount(
                    row,
                    edges.Count == 0
                        ? "no crosswalk edge for this commune"
                        : $"split across {touched.Count} new communes ({string.Join(';', touched)}) with no primary target",
                    touched));
                foreach (var code in touched)
                {
                    SumOf(sums, code, row.Measure).Touched = true;
                }

                continue;
            }

            SumOf(sums, target.NewCommuneCode, row.Measure).Add(row);
        }

        var rebased = sums
            .OrderBy(s => s.Key.Unit, StringComparer.Ordinal).ThenBy(s => s.Key.Measure, StringComparer.Ordinal)
            .Select(s => new NewCount(
                s.Key.Unit,
                s.Key.Measure,
                s.Value.Rows == 0 ? null : s.Value.Numerator,
                s.Value.Rows == 0 || s.Value.DenominatorMissing ? null : s.Value.Denominator,
                !s.Value.Touched && _predecessors[s.Key.Unit].IsSubsetOf(s.Value.Allocated)))
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
