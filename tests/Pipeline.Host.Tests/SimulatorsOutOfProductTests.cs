using System.Reflection;

namespace Pipeline.Host.Tests;

/// <summary>
/// The product's host and jobs run against the configured national systems only: the simulators (and WireMock) are
/// brought in by the demo, the bench, src/Pipeline.Host.Simulated and the tests, never referenced by the product.
/// </summary>
public sealed class SimulatorsOutOfProductTests
{
    [Theory]
    [InlineData("Pipeline.Host")]
    [InlineData("Pipeline.Jobs")]
    public void The_product_does_not_reference_the_simulators(string product)
    {
        var reached = ProductAssembliesReachedFrom(Assembly.Load(product));

        Assert.Contains("Pipeline.Warehouse", reached);
        Assert.DoesNotContain("Pipeline.Simulators", reached);
        Assert.DoesNotContain(reached, name => name.StartsWith("WireMock", StringComparison.Ordinal));
    }

    [Fact]
    public void The_host_refuses_the_setting_that_once_started_simulators()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            HostSetup.Build(["--ConnectionStrings:Warehouse=Host=127.0.0.1;Database=unused", "--Jobs:UseSimulators=true"]));

        Assert.Contains("Pipeline.Host.Simulated", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Names of every assembly the product references, following references through the project's own assemblies (Pipeline.*).</summary>
    private static HashSet<string> ProductAssembliesReachedFrom(Assembly start)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([start]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reached.Add(reference.Name!) && reference.Name!.StartsWith("Pipeline.", StringComparison.Ordinal))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return reached;
    }
}
