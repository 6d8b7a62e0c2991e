using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Intake;
using Pipeline.Simulators;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Jobs.Sources;

/// <summary>
/// One source as the command line knows it: how to start its simulator, and how to register its connector from
/// the <c>Sources:&lt;name&gt;</c> configuration section, pointed at a running simulator when there is one.
/// </summary>
/// <param name="Descriptor">What the connector declares (keying, cadence, streams): the normaliser loads by it.</param>
/// <param name="Register">Registers the connector; the simulator argument, when set, overrides address and credentials.</param>
public sealed record SourceEntry(
    string Name,
    SourceDescriptor Descriptor,
    Func<SimulationData, SimulationClock, SimulatedSource> CreateSimulator,
    Action<IServiceCollection, IConfigurationSection, SimulatedSource?> Register);
