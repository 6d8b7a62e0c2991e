using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Intake;

namespace Pipeline.Jobs.Sources;

/// <summary>One source as the command line and the jobs know it: how to register its connector from the <c>Sources:&lt;name&gt;</c> configuration section.</summary>
/// <param name="Descriptor">What the connector declares (keying, cadence, streams): the normaliser loads by it.</param>
/// <param name="Register">Registers the connector with its options bound from the section.</param>
public sealed record SourceEntry(
    string Name,
    SourceDescriptor Descriptor,
    Action<IServiceCollection, IConfigurationSection> Register);
