using Pipeline.Core.ReferenceData;
using Pipeline.Host;
using Pipeline.Simulators;

// The same host as src/Pipeline.Host; each pull starts its source's simulator and records the data as simulated.
await HostSetup.Build(args, services => SimulatedSources.For(services.GetRequiredService<AdminUnitSet>())).RunAsync();
