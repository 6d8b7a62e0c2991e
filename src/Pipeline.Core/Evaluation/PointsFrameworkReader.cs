namespace Pipeline.Core.Evaluation;

internal static class PointsFrameworkReader
{
    public static PointsFramework Read(FrameworkJson root, FrameworkInfo info)
    {
        var groups = root.Array("groups", (_, i) => $"groups[{i}]")
            .Select(g => new PointGroup(g.Text("id"), g.Text("name"), g.Number("maxPoints")))
            .ToList();
        var criteria = root.Array("criteria", (c, i) => $"criterion {(c.Has("code") ? c.Text("code") : $"[{i}]")}")
            .Select((c, index) => ReadCriterion(c, index, groups))
            .ToList();

        var codes = criteria.Select(c => c.Code).ToHashSet();
        foreach (var parent in criteria.Where(c => c.Scoring is SumScoring))
        {
            var missing = ((SumScoring)parent.Scoring).Of.FirstOrDefault(child => !codes.Contains(child));
            if (missing is not null)
            {
                throw root.Error($"criterion {parent.Code} sums unknown criterion {missing}");
            }
        }

        return new PointsFramework(info, root.Number("maxPoints"), groups, criteria);
    }

    private static PointCriterion ReadCriterion(FrameworkJson c, int index, List<PointGroup> groups)
    {
        var group = c.Text("group");
        if (groups.All(g => g.Id != group))
        {
            throw c.Error($"group '{group}' is not declared in 'groups'");
        }

        var maxPoints = c.Number("maxPoints");
        var scoringJson = c.Child("scoring", $"{c.Where} scoring");
        Scoring scoring = scoringJson.Text("type") switch
        {
            "yesNo" => new YesNoScoring(),
            "rate" => new RateScoring(),
            "ratioToTarget" => new RatioToTargetScoring(scoringJson.Number("targetPercent")),
            "tiers" => new TierScoring(scoringJson.Array("tiers", (_, i) => $"{c.Where} tier {i}")
                .Select(t => new Tier(t.Number("min"), t.Number("points")))
                .ToList()),
            "perItem" => new PerItemScoring(scoringJson.Number("pointsEach")),
            "sum" => new SumScoring(scoringJson.Strings("of")),
            var other => throw scoringJson.Error($"scoring type '{other}' is not yesNo, rate, ratioToTarget, tiers, perItem or sum"),
        };
        if (scoring is TierScoring tiers && tiers.Tiers.Any(t => t.Points > maxPoints))
        {
            throw scoringJson.Error("a tier gives more than the criterion's maxPoints");
        }

        return new PointCriterion(
            index, c.Text("code"), c.Text("name"), group, c.OptionalText("unit"), c.OptionalText("method"),
            c.OptionalText("legalBasis"), c.OptionalText("note"),
            c.Text("row"),
            maxPoints,
            scoring);
    }
}
