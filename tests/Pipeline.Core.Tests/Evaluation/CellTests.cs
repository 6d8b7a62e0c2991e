using Pipeline.Core.Evaluation;

namespace Pipeline.Core.Tests.Evaluation;

/// <summary>Each threshold kind at its boundary: a value at the threshold meets it, just under does not.</summary>
public sealed class CellTests
{
    [Theory]
    [InlineData(70, null, true)]        // exactly at 70%
    [InlineData(69.99, null, false)]    // just under
    [InlineData(7, 10.0, true)]           // 7 of 10 is exactly 70%
    [InlineData(699, 1000.0, false)]      // 69.9%
    [InlineData(100, null, true)]
    public void Percent_MeetsAtTheThreshold(double value, double? denominator, bool met)
    {
        var cell = new Cell("70%", Min: 70);

        Assert.Equal(met, cell.IsMet(Measure.Percent, new Observation((decimal)value, (decimal?)denominator)));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public void YesNo_MeetsOnlyOnYes(int value, bool met) =>
        Assert.Equal(met, new Cell("Có hệ thống").IsMet(Measure.YesNo, new Observation(value)));

    [Theory]
    [InlineData(2, true)]
    [InlineData(1, false)]
    [InlineData(3, true)]
    public void Count_MeetsAtTheMinimum(int value, bool met) =>
        Assert.Equal(met, new Cell("Tối thiểu 02 nhân sự", Min: 2).IsMet(Measure.Count, new Observation(value)));

    [Theory]
    // "Có 3 doanh nghiệp, hợp tác xã trở lên hoặc 100% doanh nghiệp, hợp tác xã trên địa bàn"
    [InlineData(3, null, true)]
    [InlineData(2, null, false)]
    [InlineData(1, 1.0, true)]     // all of the one enterprise there is
    [InlineData(2, 3.0, false)]
    [InlineData(0, 0.0, false)]    // no enterprise at all is not "100% of them"
    public void Enterprises_MeetsAtTheMinimumOrWhenAllOfThem(int value, double? total, bool met) =>
        Assert.Equal(met, new Cell("...", Min: 3, OrAll: true).IsMet(Measure.Enterprises, new Observation(value, (decimal?)total)));

    [Fact]
    public void Enterprises_WithoutTheAllClause_NeedsTheMinimum() =>
        Assert.False(new Cell("Có 2 doanh nghiệp, hợp tác xã", Min: 2).IsMet(Measure.Enterprises, new Observation(1, 1)));
}
