using Pipeline.Core.ReferenceData;
using Pipeline.Core.Tests.Support;
using Pipeline.Core.Units.Rebasing;

namespace Pipeline.Core.Tests.Rebasing;

public sealed class RebaserTests
{
    private static readonly Lazy<AdminUnitSet> Units = new(() => AdminUnitFiles.Read(AdminUnitsCopy.Original));

    private static Rebaser Rebaser => new(Units.Value.Crosswalk);

    [Fact]
    public void AllPredecessorsWhole_SumNumeratorsAndDenominatorsSeparately_AndAreComplete()
    {
        // Xã Kim Anh (2025, 00382) is exactly 2024 communes 00382, 00397 and 00415, none of them split.
        var (rebased, unallocated) = Rebaser.Rebase([Row("00382", 10, 40), Row("00397", 5, 10), Row("00415", 0, 50)]);

        Assert.Empty(unallocated);
        Assert.Equal(new NewCount("00382", "m", 15, 100, Complete: true), Assert.Single(rebased));
    }

    [Fact]
    public void AMissingPredecessor_LeavesTheSumIncomplete()
    {
        var (rebased, _) = Rebaser.Rebase([Row("00382", 10, 40), Row("00397", 5, 10)]);

        Assert.Equal(new NewCount("00382", "m", 15, 50, Complete: false), Assert.Single(rebased));
    }

    [Fact]
    public void ADenominatorMissingOnOneRow_LeavesTheDenominatorEmpty_NotAPartialSum()
    {
        var (rebased, _) = Rebaser.Rebase([Row("00382", 10, 40), Row("00397", 5, null), Row("00415", 1, 50)]);

        Assert.Equal(new NewCount("00382", "m", 16, null, Complete: true), Assert.Single(rebased));
    }

    [Fact]
    public void EraTrap_00004_IsPhuongTrucBach_AndGoesToTheNewPhuongBaDinh_WhichStaysIncomplete()
    {
        // 2024 00004 (Phường Trúc Bạch) went whole to 2025 00004 (Phường Ba Đình), which also takes parts of
        // split communes: with only 00004 in the input the sum is there but incomplete.
        var (rebased, _) = Rebaser.Rebase([Row("00004", 7, 9)]);

        Assert.Equal(new NewCount("00004", "m", 7, 9, Complete: false), Assert.Single(rebased));
    }

    [Fact]
    public void ASplitWithAPrimaryTarget_GoesWholeToIt_AndTheOtherTargetIsNotComplete()
    {
        // 2024 00112 was split between 2025 00004 and 00103, primary target 00103.
        var (rebased, unallocated) = Rebaser.Rebase([Row("00112", 30, 60)]);

        Assert.Empty(unallocated);
        Assert.Equal(new NewCount("00103", "m", 30, 60, Complete: false), Assert.Single(rebased));
    }

    [Fact]
    public void ASplitWithoutAPrimaryTarget_IsNotAllocated_AndMarksEveryCommuneItTouchesIncomplete()
    {
        // Xã Luận Khê (15637) was split between Luận Thành (15634) and Tân Thành (15661) with no primary target.
        var (rebased, unallocated) = Rebaser.Rebase([Row("15637", 12, 20)]);

        var reject = Assert.Single(unallocated);
        Assert.Equal(["15634", "15661"], reject.Touched);
        Assert.Contains("no primary target", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(
            [new NewCount("15634", "m", null, null, Complete: false), new NewCount("15661", "m", null, null, Complete: false)],
            rebased);
    }

    [Fact]
    public void Measures_AreRebasedIndependently()
    {
        var (rebased, _) = Rebaser.Rebase([Row("00382", 1, 2), Row("00382", 3, 4) with { Measure = "n" }]);

        Assert.Equal(["m", "n"], rebased.Select(r => r.Measure));
        Assert.All(rebased, r => Assert.False(r.Complete));
    }

    private static OldCount Row(string code, decimal numerator, decimal? denominator) => new(code, "m", numerator, denominator);
}
