using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Connectors.Vneid;
using Pipeline.Core.Periods;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Vneid;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Reliability;

/// <summary>
/// The VNeID connector on its SIMULATED source, as most reliability scenarios use it: the smallest paged JSON feed
/// (3,321 units, five records each, four pages of 1,000), so a scenario runs in a second or two of real time.
/// </summary>
internal static class VneidRig
{
    public const string Stream = VneidConnector.Stream;
    public const int RecordsPerUnit = 5;

    public static readonly Period Month = Period.Month(2025, 10);

    /// <summary>The simulator's data endpoint, as fault rules name it.</summary>
    public const string Endpoint = "aggregates";

    /// <summary>The second page's request parameters at the default clock (the opaque cursor is "unix seconds:1000", base64).</summary>
    public static IReadOnlyDictionary<string, string> SecondPage => new Dictionary<string, string>
    {
        ["limit"] = "1000",
        ["cursor"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{SimulationClock.DefaultAsOf.ToUnixTimeSeconds()}:1000")),
    };

    public static int Units(SourceHarness h) => h.Simulator.ExpectedUnitKeys(Month);

    /// <summary>Starts the simulator and a fresh database; <paramref name="http"/> adjusts the test HTTP settings.</summary>
    public static Task<SourceHarness> StartAsync(
        PostgresServer server, Action<SourceHttpOptions>? http = null, SimulationClock? clock = null, int pageSize = 1000) =>
        SourceHarness.StartAsync(server, new VneidSimulator(SharedData.Simulation, clock ?? new SimulationClock()), (services, url) =>
            services.AddSourceConnector<IVneidApi, VneidConnector, VneidOptions>(o =>
            {
                o.Http.BaseAddress = url;
                SourceHarness.Fast(o.Http);
                http?.Invoke(o.Http);
                o.ApiToken = VneidSimulator.Token;
                o.PageSize = pageSize;
            }, o => o.Http));

    public static IEnumerable<SimRequest> DataRequests(SourceHarness h) => h.Simulator.Requests.Where(r => r.Endpoint == Endpoint);

    public static bool Matches(SimRequest request, IReadOnlyDictionary<string, string> parameters) =>
        parameters.All(p => request.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);
}
