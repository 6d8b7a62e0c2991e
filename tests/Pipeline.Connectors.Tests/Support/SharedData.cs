using Pipeline.Core;
using Pipeline.Core.ReferenceData;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Connectors.Tests.Support;

/// <summary>The shared admin-units files, read and validated once per test run (about a second).</summary>
public static class SharedData
{
    private static readonly Lazy<SimulationData> Lazy = new(() =>
        SimulationData.From(AdminUnitFiles.Read(PipelineHome.DefaultAdminUnitsDirectory(PipelineHome.Find()))));

    public static SimulationData Simulation => Lazy.Value;

    public static AdminUnitSet Units => Lazy.Value.Units;
}
