using Pipeline.Core.Periods;
using Pipeline.Core.ReferenceData;
using Pipeline.Simulators;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Cli.Demo;

/// <summary>
/// The history the demo pulls so the level report has a trend on 2025 communes: every period of the year before the
/// latest one pulled that a source's simulator publishes (the whole year, so a flow's year is summed over all its
/// periods, not read from the last one). Of the six simulated sources only the operators' drop reaches back before the
/// reform (2024 quarters on 2024 codes); the evaluation rebases those onto 2025 communes and also evaluates the 2024 map.
/// </summary>
internal static class DemoHistory
{
    public static IReadOnlyList<(string Source, Period Period)> Periods(
        AdminUnitSet units, IReadOnlySet<string>? provinces, IEnumerable<(string Source, Period Latest)> latest)
    {
        var data = SimulationData.From(units, provinces);
        var clock = new SimulationClock();
        var history = new List<(string, Period)>();
        foreach (var (source, last) in latest)
        {
            using var simulator = SimulatedSources.Create(source, data, clock);
            var year = last.Year - 1;
            for (var period = last; period.Year >= year; period = period.Previous())
            {
                if (period.Year == year && simulator.ExpectedUnitKeys(period) > 0)
                {
                    history.Add((source, period));
                }
            }
        }

        // Oldest first, as a backfill would run them.
        return [.. history.OrderBy(h => h.Item2.Start).ThenBy(h => h.Item1, StringComparer.Ordinal)];
    }
}
