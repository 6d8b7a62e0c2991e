using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Normalisation;
using Pipeline.Warehouse.Facts;
using Pipeline.Warehouse.Intake;

namespace Pipeline.Jobs.Sources;

/// <summary>
/// Loads intake records into facts, one (source, period) after another: the periods asked (those of the source's
/// cadence), or else every period the source has intake records for. A failed load is reported and the others go on.
/// </summary>
public sealed class SourceLoads(TimeProvider time, ReferenceUnits units, TextWriter log)
{
    public async Task<List<LoadReport>> RunAsync(
        IReadOnlyList<SourceEntry> sources, IReadOnlyList<Period> periods, NpgsqlDataSource warehouse, CancellationToken ct)
    {
        var loader = new FactLoader(warehouse, units, time);
        var reports = new List<LoadReport>();
        foreach (var source in sources)
        {
            var chosen = periods.Count > 0
                ? [.. periods.Where(p => p.Kind == source.Descriptor.Cadence)]
                : await IntakePeriods.ReadAsync(warehouse, source.Name, ct);
            if (chosen.Count == 0)
            {
                await log.WriteLineAsync(periods.Count > 0
                    ? $"{source.Name}: none of the periods asked is a {source.Descriptor.Cadence.ToString().ToLowerInvariant()}, its cadence; nothing loaded"
                    : $"{source.Name}: no intake records yet (pull first); nothing loaded");
            }

            foreach (var period in chosen)
            {
                reports.Add(await loader.LoadAsync(source.Descriptor, period, ct));
            }
        }

        return reports;
    }
}
