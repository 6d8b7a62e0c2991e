using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Normalisation;
using static Pipeline.Warehouse.Tests.Normalisation.Rows;

namespace Pipeline.Warehouse.Tests.Normalisation;

/// <summary>Placing intake records on units (era, code) and combining them: SPEC sections 4 and 5.</summary>
public sealed class FactAssemblerTests
{
    [Fact]
    public void Code00004_FromA2024Keyed_Source_IsTrucBachBeforeTheReform_AndPartOfBaDinhAfter()
    {
        var before = Assemble(Codes2024, "2025-Q2", Count(UnitKeyKind.Code, "00004", 10, 20));
        var after = Assemble(Codes2024, "2025-Q3", Count(UnitKeyKind.Code, "00004", 10, 20), Count(UnitKeyKind.Code, "00013", 5, 8));

        var trucBach = Assert.Single(before.Facts);
        Assert.Equal((Era.Y2024, "00004", 10m, 20m, true), (trucBach.Era, trucBach.UnitCode, trucBach.Numerator, trucBach.Denominator, trucBach.Complete));

        // 2025 Phường Ba Đình (00004) took Trúc Bạch (00004) and Quán Thánh (00013) whole, and parts of others.
        var baDinh = Assert.Single(after.Facts);
        Assert.Equal((Era.Y2025, "00004", 15m, 28m), (baDinh.Era, baDinh.UnitCode, baDinh.Numerator, baDinh.Denominator));
        Assert.Equal(["00004", "00013"], baDinh.UnitKeys);
        Assert.False(baDinh.Complete);
    }

    [Fact]
    public void Code00004_FromA2025Keyed_Source_IsBaDinh_AndRefusedForAPeriodBeforeTheReform()
    {
        var after = Assemble(Codes2025, "2025-11", Count(UnitKeyKind.Code, "00004", 50));
        var before = Assemble(Codes2025, "2025-06", Count(UnitKeyKind.Code, "00004", 50));

        Assert.Equal((Era.Y2025, "00004", true), (after.Facts[0].Era, after.Facts[0].UnitCode, after.Facts[0].Complete));
        Assert.Empty(before.Facts);
        Assert.Equal(PlacementReasons.EraMismatch, Assert.Single(before.Quarantined).Reason);
    }

    [Fact]
    public void BothXaNghiaPhuong_AreMatchedWithinTheirOwnDistricts()
    {
        var result = Assemble(
            Names2024,
            "2025-Q2",
            Count(UnitKeyKind.Name, "Xã Nghĩa Phương, Huyện Tư Nghĩa, Tỉnh Quảng Ngãi", 1),
            Count(UnitKeyKind.Name, "X. Nghĩa Phương, H. Lục Nam, T. Bắc Giang", 2));

        Assert.Empty(result.Quarantined);
        Assert.Equal([("07486", 2m), ("21283", 1m)], result.Facts.Select(f => (f.UnitCode, f.Numerator!.Value)).Order());
    }

    [Fact]
    public void AnAmbiguousName_IsQuarantined_WithEveryCandidate()
    {
        // Without a district or a type word, "Yên Viên" in Hà Nội fits thị trấn Yên Viên and xã Yên Viên.
        var result = Assemble(Names2024, "2025-Q2", Count(UnitKeyKind.Name, "Yên Viên, Thành phố Hà Nội", 1));

        var refused = Assert.Single(result.Quarantined);
        Assert.Equal(PlacementReasons.AmbiguousUnit, refused.Reason);
        Assert.Equal(["00526", "00532"], refused.Candidates);
        Assert.Empty(result.Facts);
    }

    [Fact]
    public void NamesDifferingOnlyInTonePlacement_AreTheSameCommune_SoTwoOfThemInOneFeedAreADuplicate()
    {
        var one = Assemble(Names2024, "2025-Q2", Count(UnitKeyKind.Name, "Xã Hoà Phú, Huyện Chiêm Hoá, Tỉnh Tuyên Quang", 3));
        var both = Assemble(
            Names2024,
            "2025-Q2",
            Count(UnitKeyKind.Name, "Xã Hoà Phú, Huyện Chiêm Hoá, Tỉnh Tuyên Quang", 3),
            Count(UnitKeyKind.Name, "Xã Hòa Phú, Huyện Chiêm Hóa, Tỉnh Tuyên Quang", 4));

        Assert.Equal("02335", Assert.Single(one.Facts).UnitCode);
        Assert.Empty(both.Facts);
        Assert.All(both.Quarantined, q => Assert.Equal(PlacementReasons.DuplicateUnit, q.Reason));
        Assert.Equal(2, both.Quarantined.Count);
    }

    [Fact]
    public void ASplitCommuneWithAPrimaryTarget_GoesWholeToIt()
    {
        // Thụy Khuê (00112) was split between Ba Đình (00004) and Tây Hồ (00103), its primary target.
        var result = Assemble(Codes2024, "2025-Q3", Count(UnitKeyKind.Code, "00112", 7, 9));

        var fact = Assert.Single(result.Facts);
        Assert.Equal(("00103", 7m, 9m), (fact.UnitCode, fact.Numerator, fact.Denominator));
        Assert.Empty(result.Quarantined);
    }

    [Fact]
    public void ASplitCommuneWithoutAPrimaryTarget_IsQuarantined_AndTheCommunesItTouchesAreIncomplete()
    {
        // Cống Vị (00007) went partly to Ngọc Hà (00008) and partly to Giảng Võ (00025), neither primary;
        // Liễu Giai (00008) went whole to Ngọc Hà.
        var result = Assemble(Codes2024, "2025-Q3", Count(UnitKeyKind.Code, "00007", 4, 5), Count(UnitKeyKind.Code, "00008", 6, 8));

        var refused = Assert.Single(result.Quarantined);
        Assert.Equal((PlacementReasons.SplitWithoutPrimary, "00007"), (refused.Reason, refused.Row.Unit.Value));
        Assert.Equal(["00008", "00025"], refused.Candidates);
        var ngocHa = Assert.Single(result.Facts);
        Assert.Equal(("00008", 6m, 8m, false), (ngocHa.UnitCode, ngocHa.Numerator, ngocHa.Denominator, ngocHa.Complete));
    }

    [Fact]
    public void ARebasedCommune_IsComplete_OnlyWhenEveryPredecessorIsThere()
    {
        // Kim Anh (2025 00382) = Minh Trí (00382) + Minh Phú (00397) + Tân Dân (00415), all whole.
        var all = Assemble(Codes2024, "2025-Q3", Count(UnitKeyKind.Code, "00382", 1, 2), Count(UnitKeyKind.Code, "00397", 1, 2), Count(UnitKeyKind.Code, "00415", 1, 2));
        var two = Assemble(Codes2024, "2025-Q3", Count(UnitKeyKind.Code, "00382", 1, 2), Count(UnitKeyKind.Code, "00397", 1, 2));

        Assert.Equal((3m, 6m, true), (all.Facts[0].Numerator, all.Facts[0].Denominator, all.Facts[0].Complete));
        Assert.Equal((2m, 4m, false), (two.Facts[0].Numerator, two.Facts[0].Denominator, two.Facts[0].Complete));
    }

    [Fact]
    public void ADenominatorMissingOnOnePredecessor_LeavesTheSumsDenominatorMissing()
    {
        var result = Assemble(Codes2024, "2025-Q3", Count(UnitKeyKind.Code, "00382", 1, 2), Count(UnitKeyKind.Code, "00397", 1));

        Assert.Equal((2m, (decimal?)null), (result.Facts[0].Numerator, result.Facts[0].Denominator));
    }

    [Fact]
    public void Facilities_AddUpInTheirCommune_FlagsCountedAsHowManyOfHowMany()
    {
        var result = Assemble(
            Facilities,
            "2025-11",
            Flag(UnitKeyKind.SourceId, "01001", 1, "emr", "Bệnh viện A | 00004"),
            Flag(UnitKeyKind.SourceId, "01002", 0, "emr", "Bệnh viện B | 00004"),
            Count(UnitKeyKind.SourceId, "01003", 30, 100, "ehealth_records", "Trạm Y tế phường Ba Đình | 00004"));

        Assert.Empty(result.Quarantined);
        var emr = result.Facts.Single(f => f.Indicator == "emr");
        Assert.Equal(("00004", 1m, 2m, ValueUnit.Count), (emr.UnitCode, emr.Numerator, emr.Denominator, emr.ValueUnit));
        Assert.Equal(["01001", "01002"], emr.UnitKeys);
        Assert.True(emr.Simulated);
        Assert.Equal(3, result.LabelMappings.Count);
    }

    [Fact]
    public void ScoresFromSeveralUnitsOnOne_AreNotAddedUp()
    {
        var result = Assemble(
            Facilities,
            "2025-11",
            Score(UnitKeyKind.SourceId, "01001", 80, "A | 00004"),
            Score(UnitKeyKind.SourceId, "01002", 90, "B | 00004"));

        Assert.Empty(result.Facts);
        Assert.Equal(2, result.Quarantined.Count(q => q.Reason == PlacementReasons.NotCombinable));
    }

    [Fact]
    public void AScoreOneToOne_IsCarriedAsTheSourceGaveIt()
    {
        var result = Assemble(Agencies, "2025-11", Score(UnitKeyKind.SourceId, "400000", 94.55m, "UBND phường Ba Đình - thành phố Hà Nội"));

        var fact = Assert.Single(result.Facts);
        Assert.Equal(("00004", (decimal?)null, 100m, 94.55m, ValueUnit.Score), (fact.UnitCode, fact.Numerator, fact.Denominator, fact.Value, fact.ValueUnit));
        Assert.Equal(new UnitMapping(UnitKeyKind.SourceId, "400000", Era.Y2025, "00004", "label", "UBND phường Ba Đình - thành phố Hà Nội"), Assert.Single(result.LabelMappings));
    }

    [Fact]
    public void SourceIds_WithoutAReadableLabel_AreQuarantinedUntilAStewardMapsThem()
    {
        var row = Count(UnitKeyKind.SourceId, "400999", 5, label: "an agency with no province");
        var unmapped = Assemble(Agencies, "2025-11", row);
        var mapped = Assemble(Agencies, "2025-11", [new UnitMapping(UnitKeyKind.SourceId, "400999", Era.Y2025, "00004", "steward", null)], row);

        Assert.Equal(PlacementReasons.UnmappedKey, Assert.Single(unmapped.Quarantined).Reason);
        Assert.Equal(("00004", 5m), (Assert.Single(mapped.Facts).UnitCode, mapped.Facts[0].Numerator!.Value));
        Assert.Empty(mapped.LabelMappings);
    }

    [Fact]
    public void UnknownCodes_AndUnknownIndicators_AreQuarantinedWithTheirReason()
    {
        var result = Assemble(
            Codes2025,
            "2025-11",
            Count(UnitKeyKind.Code, "99999", 1),
            Count(UnitKeyKind.Code, "00004", 1, indicator: "made_up_indicator"),
            Count(UnitKeyKind.Code, "01", 1));

        Assert.Empty(result.Facts);
        Assert.Equal(
            [PlacementReasons.UnknownIndicator, PlacementReasons.UnknownUnit, PlacementReasons.UnknownUnit],
            result.Quarantined.Select(q => q.Reason).Order());
    }
}
