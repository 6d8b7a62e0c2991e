using Pipeline.Warehouse.Reconciliation;

namespace Pipeline.Warehouse.Tests.Reconciliation;

/// <summary>When values conflict (tolerances) and which one the precedence policy picks.</summary>
public sealed class MeasureRuleTests
{
    // Dossiers: within 5 dossiers or 5% is agreement; beyond 25% a steward decides; EMC before the portal.
    private static readonly MeasureRule Dossiers = new("dossiers_received", 5, 0.05m, PrecedencePolicies.OrderedSources, ["emc", "portal"], 0.25m);
    private static readonly MeasureRule Operators = new("households_fibre", 0, 0, PrecedencePolicies.Largest, [], null);

    [Theory]
    [InlineData(100, 104, ReconciliationStatus.Agreed)] // 4 apart: within the absolute tolerance
    [InlineData(1000, 1040, ReconciliationStatus.Agreed)] // 40 apart but 3.8%: within the relative tolerance
    [InlineData(100, 94, ReconciliationStatus.Settled)] // 6 apart and 6%: beyond both
    [InlineData(1000, 940, ReconciliationStatus.Settled)]
    [InlineData(1000, 750, ReconciliationStatus.Settled)] // 25% exactly: still the policy's
    [InlineData(1000, 749, ReconciliationStatus.Open)] // beyond 25%: a steward's
    public void Tolerances_DecideWhetherValuesConflict(int emc, int portal, string status)
    {
        var judgement = Dossiers.Judge([Value("emc", emc), Value("portal", portal)]);

        Assert.Equal(status, judgement.Status);
        Assert.Equal(Math.Abs(emc - portal), judgement.Spread);
    }

    [Fact]
    public void OrderedSources_PickTheFirstSourceInOrder_WhetherSettledOrAgreed()
    {
        var settled = Dossiers.Judge([Value("portal", 120), Value("emc", 100)]);
        var agreed = Dossiers.Judge([Value("portal", 101), Value("emc", 100)]);

        Assert.Equal(("emc", ReconciliationReasons.SourceOrder), (settled.Chosen!.Source, settled.Reason));
        Assert.Equal(("emc", ReconciliationReasons.WithinTolerance), (agreed.Chosen!.Source, agreed.Reason));
    }

    [Fact]
    public void OrderedSources_SkipAnIncompleteValue_ForTheNextCompleteOne()
    {
        var judgement = Dossiers.Judge([Value("emc", 100, complete: false), Value("portal", 120)]);

        Assert.Equal((ReconciliationStatus.Settled, "portal", ReconciliationReasons.SourceOrder), (judgement.Status, judgement.Chosen!.Source, judgement.Reason));
    }

    [Fact]
    public void OrderedSources_WithoutAnyListedSource_WaitForASteward()
    {
        var judgement = Dossiers.Judge([Value("provincial-portal", 100), Value("other", 150)]);

        Assert.Equal((ReconciliationStatus.Open, ReconciliationReasons.NoSourceInOrder), (judgement.Status, judgement.Reason));
        Assert.Null(judgement.Chosen);
        Assert.Null(judgement.Suggestion);
    }

    [Fact]
    public void BeyondTheStewardThreshold_ThePolicyOnlySuggests()
    {
        var judgement = Dossiers.Judge([Value("emc", 50), Value("portal", 100)]);

        Assert.Equal((ReconciliationStatus.Open, ReconciliationReasons.BeyondStewardThreshold), (judgement.Status, judgement.Reason));
        Assert.Equal("emc", judgement.Suggestion!.Source);
        Assert.Null(judgement.Chosen);
        Assert.Equal(0.5m, judgement.RelativeSpread);
    }

    [Fact]
    public void Largest_PicksTheLargestCompleteCount_OverALargerIncompleteOne()
    {
        var judgement = Operators.Judge([Operator("operator-a", 900), Operator("operator-b", 1200, complete: false), Operator("operator-c", 700)]);

        Assert.Equal((ReconciliationStatus.Settled, "operator-a", ReconciliationReasons.LargestComplete), (judgement.Status, judgement.Chosen!.Stream, judgement.Reason));
    }

    [Fact]
    public void Largest_WithNoCompleteValue_SettlesOnTheLargest_MarkedIncomplete()
    {
        var judgement = Operators.Judge([Operator("operator-a", 900, complete: false), Operator("operator-b", 1200, complete: false)]);

        Assert.Equal((ReconciliationStatus.Settled, "operator-b", ReconciliationReasons.LargestIncomplete), (judgement.Status, judgement.Chosen!.Stream, judgement.Reason));
        Assert.False(judgement.Chosen.Complete);
    }

    [Fact]
    public void StewardPolicy_LeavesEveryConflictToAPerson_ButNotAnAgreement()
    {
        var rule = Dossiers with { Policy = PrecedencePolicies.Steward };

        Assert.Equal(ReconciliationStatus.Open, rule.Judge([Value("emc", 100), Value("portal", 110)]).Status);
        Assert.Equal(ReconciliationStatus.Agreed, rule.Judge([Value("emc", 100), Value("portal", 101)]).Status);
    }

    [Fact]
    public void Rates_AreComparedByTheirCounts_ScoresByTheirValue()
    {
        var rates = Dossiers.Judge([Value("emc", 40, denominator: 100), Value("portal", 48, denominator: 120)]);
        var scores = new MeasureRule("index766_total", 1, 0.01m, PrecedencePolicies.OrderedSources, ["portal"], null)
            .Judge([Score("portal", 91.5m), Score("provincial", 93m)]);

        // 40/100 and 48/120 are the same 40%, but the counts differ: the conflict is in the counts.
        Assert.Equal((ReconciliationStatus.Settled, 8m), (rates.Status, rates.Spread));
        Assert.Equal((ReconciliationStatus.Settled, 1.5m), (scores.Status, scores.Spread));
    }

    internal static Candidate Value(string source, decimal numerator, decimal? denominator = null, bool complete = true) =>
        new(source, "s", "dossiers_received", numerator, denominator, null, "count", complete, true, 1);

    private static Candidate Operator(string stream, decimal numerator, bool complete = true) =>
        new("telecom", stream, "households_fibre", numerator, 2000, null, "count", complete, true, 1);

    private static Candidate Score(string source, decimal value) =>
        new(source, "s", "index766_total", null, null, value, "score", true, true, 1);
}
