using Pipeline.Warehouse.Reconciliation;

namespace Pipeline.Warehouse.Tests.Reconciliation;

/// <summary>What the detector does with a stored row when the facts are loaded again.</summary>
public sealed class ReconciliationPlanTests
{
    private static readonly MeasureRule Rule = new("dossiers_received", 5, 0.05m, PrecedencePolicies.OrderedSources, ["emc", "portal"], 0.25m);
    private static readonly UnitMeasure Key = new(2025, "00004", "dossiers_received");

    [Fact]
    public void AFirstComparison_IsDetected()
    {
        var change = ReconciliationPlan.For(Key, null, [V("emc", 100), V("portal", 120)], Rule);

        Assert.Equal((ReconciliationActions.Detected, (long?)null, ReconciliationStatus.Settled), (change!.Action, change.ReconciliationId, change.Judgement.Status));
    }

    [Fact]
    public void TheSameValuesAgain_ChangeNothing_EvenWithANewRevisionNumber()
    {
        var stored = new StoredReconciliation(7, ReconciliationStatus.Resolved, [V("emc", 100), V("portal", 120)], V("portal", 120));

        Assert.Null(ReconciliationPlan.For(Key, stored, [V("emc", 100, revision: 2), V("portal", 120)], Rule));
    }

    [Fact]
    public void ARevisedValueUnderAStewardDecision_ReopensIt_KeepingTheDecisionForTheAudit()
    {
        var stored = new StoredReconciliation(7, ReconciliationStatus.Resolved, [V("emc", 100), V("portal", 120)], V("portal", 120));

        var change = ReconciliationPlan.For(Key, stored, [V("emc", 100), V("portal", 140, revision: 2)], Rule);

        Assert.Equal((ReconciliationActions.Reopened, ReconciliationStatus.Open, ReconciliationReasons.SourceRevised), (change!.Action, change.Judgement.Status, change.Judgement.Reason));
        Assert.Equal((ReconciliationStatus.Resolved, 120m), (change.StatusBefore, change.ChosenBefore!.Numerator));
        Assert.Null(change.Judgement.Chosen);
        Assert.Equal("emc", change.Judgement.Suggestion!.Source);
    }

    [Fact]
    public void ARevisionThatBringsTheSourcesTogether_EndsTheConflict()
    {
        var stored = new StoredReconciliation(7, ReconciliationStatus.Resolved, [V("emc", 100), V("portal", 120)], V("portal", 120));

        var change = ReconciliationPlan.For(Key, stored, [V("emc", 119, revision: 2), V("portal", 120)], Rule);

        Assert.Equal((ReconciliationActions.ValuesChanged, ReconciliationStatus.Agreed, "emc"), (change!.Action, change.Judgement.Status, change.Judgement.Chosen!.Source));
    }

    [Fact]
    public void ARevisionUnderAPolicySettlement_IsJudgedAgain()
    {
        var stored = new StoredReconciliation(7, ReconciliationStatus.Settled, [V("emc", 100), V("portal", 120)], V("emc", 100));

        var change = ReconciliationPlan.For(Key, stored, [V("emc", 60, revision: 2), V("portal", 120)], Rule);

        Assert.Equal((ReconciliationActions.ValuesChanged, ReconciliationStatus.Open, ReconciliationReasons.BeyondStewardThreshold), (change!.Action, change.Judgement.Status, change.Judgement.Reason));
    }

    [Fact]
    public void FewerThanTwoValues_WithdrawTheRowOnce()
    {
        var stored = new StoredReconciliation(7, ReconciliationStatus.Settled, [V("emc", 100), V("portal", 120)], V("emc", 100));

        var change = ReconciliationPlan.For(Key, stored, [V("portal", 120)], Rule);
        var again = ReconciliationPlan.For(Key, stored with { Status = ReconciliationStatus.Withdrawn }, [V("portal", 120)], Rule);

        Assert.Equal((ReconciliationActions.Withdrawn, ReconciliationStatus.Withdrawn), (change!.Action, change.Judgement.Status));
        Assert.Null(again);
        Assert.Null(ReconciliationPlan.For(Key, null, [V("portal", 120)], Rule));
    }

    private static Candidate V(string source, decimal numerator, int revision = 1) =>
        MeasureRuleTests.Value(source, numerator) with { Revision = revision };
}
