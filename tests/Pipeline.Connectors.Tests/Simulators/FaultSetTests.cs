using Pipeline.Simulators.Faults;

namespace Pipeline.Connectors.Tests.Simulators;

public sealed class FaultSetTests
{
    private static readonly Dictionary<string, string> NoParameters = [];

    [Fact]
    public void EveryNthRule_HitsOnlyEveryNthMatchingRequest()
    {
        var faults = new FaultSet();
        faults.Add(FaultRule.Parse("503%10"));

        var hits = Enumerable.Range(1, 100).Where(_ => faults.Take("data", NoParameters) is not null).Count();

        Assert.Equal(10, hits);
    }

    [Fact]
    public void Parse_ReadsEveryAndTimesTogether()
    {
        var rule = FaultRule.Parse("reset:stats@page=2%3*4");

        Assert.Equal((FaultKind.ConnectionReset, "stats", 3, 4), (rule.Kind, rule.Endpoint, rule.Every, rule.Times));
        Assert.Equal("2", rule.When!["page"]);
    }

    [Fact]
    public void RuleWithoutEvery_HitsEveryMatchingRequestUntilItsTimesAreUsed()
    {
        var faults = new FaultSet();
        faults.Add(FaultRule.Parse("503*2"));

        Assert.Equal([true, true, false], Enumerable.Range(1, 3).Select(_ => faults.Take("data", NoParameters) is not null));
    }
}
