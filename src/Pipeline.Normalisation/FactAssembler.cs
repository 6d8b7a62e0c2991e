using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;

namespace Pipeline.Normalisation;

/// <summary>
/// Turns the intake records of one source and period into facts. Each record's key is placed on a unit; a period
/// before 2025-07-01 lives on 2024 units and a later one on 2025 units, so a 2024 commune reported for a later
/// period is carried to its successor (whole, or to its primary target when split) and several predecessors add
/// up there (SPEC section 4). Values of several source units on one unit combine as the indicator declares; what
/// cannot be placed or combined is quarantined with its reason, never guessed.
/// </summary>
public sealed class FactAssembler(ReferenceUnits units, IReadOnlyDictionary<string, IndicatorRule> indicators)
{
    public Assembled Assemble(Period period, SourceUnitResolver resolver, IEnumerable<IntakeRow> rows)
    {
        var quarantined = new List<QuarantinedRow>();
        var groups = new Dictionary<(string Stream, string Indicator, string Code), Group>();
        var labelMappings = new Dictionary<string, UnitMapping>(StringComparer.Ordinal);
        var facilities = resolver.Keying.Labels == UnitLabelShape.FacilityInCommune;

        foreach (var row in rows)
        {
            if (!indicators.ContainsKey(row.Indicator))
            {
                quarantined.Add(new(row, PlacementReasons.UnknownIndicator, $"indicator '{row.Indicator}' has no row in fact.indicator", []));
                continue;
            }

            var placed = resolver.Resolve(row.Unit);
            if (!placed.IsPlaced)
            {
                quarantined.Add(new(row, placed.Reason!, placed.Detail!, placed.Candidates));
                continue;
            }

            var era = placed.Era!.Value;
            if (placed.Method == "label" && row.Unit.Kind == UnitKeyKind.SourceId)
            {
                labelMappings[row.Unit.Value] = new UnitMapping(row.Unit.Kind, row.Unit.Value, era, placed.Code!, "label", row.Unit.Label);
            }

            // Facilities add up inside their commune; otherwise two keys on one unit are the same unit twice.
            var contributor = facilities ? row.Unit.Value : placed.Code!;
            if (era == period.Era)
            {
                GroupOf(groups, row.Stream, row.Indicator, placed.Code!).Add(row, contributor, predecessor: null);
            }
            else if (era == Era.Y2024)
            {
                var allocation = units.Succession.Allocate(placed.Code!);
                if (allocation.Target is null)
                {
                    quarantined.Add(new(row, PlacementReasons.SplitWithoutPrimary, $"2024 commune {placed.Code}: {allocation.Reason}", allocation.Touched));
                    foreach (var touched in allocation.Touched)
                    {
                        GroupOf(groups, row.Stream, row.Indicator, touched).Touched = true;
                    }

                    continue;
                }

                GroupOf(groups, row.Stream, row.Indicator, allocation.Target).Add(row, contributor, predecessor: placed.Code);
            }
            else
            {
                quarantined.Add(new(
                    row,
                    PlacementReasons.EraMismatch,
                    $"'{row.Unit.Value}' is the 2025 unit {placed.Code}, but {period} is measured on 2024 units and a new commune cannot be divided among its predecessors",
                    []));
            }
        }

        var facts = new List<Fact>();
        foreach (var ((stream, indicator, code), group) in groups.OrderBy(g => g.Key))
        {
            var contributions = WithoutDuplicates(group, period.Era, code, quarantined);
            if (contributions.Count == 0)
            {
                continue;
            }

            if (Combine(indicators[indicator].Combining, contributions) is not { } combined)
            {
                var keys = string.Join(", ", contributions.Select(c => $"'{c.Row.Unit.Value}'"));
                foreach (var c in contributions)
                {
                    quarantined.Add(new(
                        c.Row,
                        PlacementReasons.NotCombinable,
                        $"{contributions.Count} source units ({keys}) land on {(short)period.Era} {code}, and a {c.Row.ValueUnit.ToText()} of '{indicator}' cannot be added up",
                        []));
                }

                continue;
            }

            var complete = !group.Touched && (group.Predecessors.Count == 0 || units.Succession.PredecessorsOf(code).IsSubsetOf(group.Predecessors));
            facts.Add(new Fact(
                stream,
                period.Era,
                code,
                indicator,
                combined.Numerator,
                combined.Denominator,
                combined.Value,
                combined.Unit,
                complete,
                contributions.Any(c => c.Row.Simulated),
                [.. contributions.Select(c => c.Row.Unit.Value).Distinct().Order(StringComparer.Ordinal)],
                [.. contributions.Select(c => c.Row.Lineage).Order(StringComparer.Ordinal)],
                contributions.Max(c => c.Row.RunId)));
        }

        return new Assembled(facts, quarantined, [.. labelMappings.Values.OrderBy(m => m.Key, StringComparer.Ordinal)]);
    }

    private static Group GroupOf(Dictionary<(string, string, string), Group> groups, string stream, string indicator, string code)
    {
        if (!groups.TryGetValue((stream, indicator, code), out var group))
        {
            groups[(stream, indicator, code)] = group = new Group();
        }

        return group;
    }

    /// <summary>Contributions less those whose contributor appears twice (all of them quarantined: which is right is unknown).</summary>
    private static List<Contribution> WithoutDuplicates(Group group, Era era, string code, List<QuarantinedRow> quarantined)
    {
        var kept = new List<Contribution>();
        foreach (var same in group.Contributions.GroupBy(c => c.Contributor, StringComparer.Ordinal))
        {
            if (same.Count() == 1)
            {
                kept.Add(same.First());
                continue;
            }

            var keys = string.Join(", ", same.Select(c => $"'{c.Row.Unit.Value}'"));
            foreach (var c in same)
            {
                quarantined.Add(new(c.Row, PlacementReasons.DuplicateUnit, $"keys {keys} all resolve to {(short)era} {code}: adding them would count it twice", [code]));
            }
        }

        return kept;
    }

    /// <summary>The combined value, or null when the indicator's values cannot be combined from several units.</summary>
    private static Combined? Combine(Combining combining, List<Contribution> contributions)
    {
        if (combining == Combining.Share)
        {
            // A flag is one unit of one; counts (a source already counting) add as they are.
            return new Combined(
                Sum(contributions.Select(c => c.Row.ValueUnit == ValueUnit.Flag ? c.Row.Value : c.Row.Numerator)),
                Sum(contributions.Select(c => c.Row.ValueUnit == ValueUnit.Flag ? 1m : c.Row.Denominator)),
                null,
                ValueUnit.Count);
        }

        if (contributions.Count == 1)
        {
            var row = contributions[0].Row;
            return new Combined(row.Numerator, row.Denominator, row.Value, row.ValueUnit);
        }

        if (combining == Combining.Single || contributions.Any(c => c.Row.ValueUnit != ValueUnit.Count))
        {
            return null;
        }

        return new Combined(Sum(contributions.Select(c => c.Row.Numerator)), Sum(contributions.Select(c => c.Row.Denominator)), null, ValueUnit.Count);
    }

    // A sum with a missing part would be a wrong number: it is missing.
    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        decimal total = 0;
        foreach (var value in values)
        {
            if (value is not { } v)
            {
                return null;
            }

            total += v;
        }

        return total;
    }

    private sealed record Contribution(IntakeRow Row, string Contributor);

    private sealed record Combined(decimal? Numerator, decimal? Denominator, decimal? Value, ValueUnit Unit);

    private sealed class Group
    {
        public List<Contribution> Contributions { get; } = [];

        /// <summary>The 2024 communes rebased into this unit.</summary>
        public HashSet<string> Predecessors { get; } = new(StringComparer.Ordinal);

        /// <summary>Touched by a split that could not be allocated: never complete.</summary>
        public bool Touched { get; set; }

        public void Add(IntakeRow row, string contributor, string? predecessor)
        {
            Contributions.Add(new Contribution(row, contributor));
            if (predecessor is not null)
            {
                Predecessors.Add(predecessor);
            }
        }
    }
}
