using Microsoft.Extensions.Configuration;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Core.ReferenceData;
using Pipeline.Intake;
using Pipeline.Jobs.Sources;
using Pipeline.Normalisation;
using Pipeline.Warehouse.Levels;
using Pipeline.Warehouse.Reconciliation;

namespace Pipeline.Jobs;

/// <summary>
/// The nightly job of one source and period: fetch into intake, normalise and load into facts, detect conflicts with
/// the other sources of the same measures (<see cref="ConflictDetection"/>), then evaluate the communes of the
/// period's year when facts or the values that count changed. Arguments are small (source name, period text) so a
/// scheduler can store and retry them; the job is reentrant (intake and loads hold advisory locks per source and
/// period) and a rerun is harmless (a second pull fetches nothing new, a second load writes nothing). A failed step
/// throws, so the scheduler retries and finally records the failure; the run tables record every attempt.
/// </summary>
public sealed class PullJob(
    IConfiguration configuration, TimeProvider time, AdminUnitSet units, ReferenceUnits referenceUnits, NpgsqlDataSource warehouse, JobSettings settings)
{
    public async Task<PullJobResult> RunAsync(string source, string period, CancellationToken cancellationToken)
    {
        var entry = SourceCatalog.Select(source)[0];
        var asked = Period.Parse(period);
        var log = settings.Log;
        var pulls = await new SourcePulls(configuration, time, units, log, settings.StandIns).RunAsync([entry], [asked], warehouse, cancellationToken);
        var pull = pulls.Single();
        if (pull.Status != "succeeded")
        {
            throw new JobStepFailedException($"{source} {period}: pull failed (intake run {pull.RunId}): {pull.Error}");
        }

        var loads = await new SourceLoads(time, referenceUnits, log).RunAsync([entry], [asked], warehouse, cancellationToken);
        var load = loads.Single();
        if (load.Status != "succeeded")
        {
            throw new JobStepFailedException($"{source} {period}: load failed (load run {load.LoadRunId}): {load.Error}");
        }

        var conflicts = await new ConflictDetection(warehouse, time).RunAsync(source, asked.ToString(), cancellationToken);
        if (conflicts.Measures.Count > 0)
        {
            await log.WriteLineAsync(
                $"{source} {period}: {conflicts.Statuses.Values.Sum()} values compared with other sources, {conflicts.Conflicts} conflicts "
                + $"({conflicts.Count(ReconciliationStatus.Open)} waiting for a steward); {conflicts.Detected} new, {conflicts.Changed + conflicts.Reopened} changed, {conflicts.Reopened} reopened");
        }

        // Levels rest on the values of the whole year; a load and a detection that changed nothing cannot change
        // them, unless the year was never evaluated. A 2024-era period counts on both maps (see EvaluationsOf).
        var levels = new List<LevelsReport>();
        var communeLevels = new CommuneLevels(warehouse, units, time);
        var changed = load.Inserted + load.Revised + load.Withdrawn + conflicts.Detected + conflicts.Changed + conflicts.Reopened + conflicts.Withdrawn;
        foreach (var (era, year) in CommuneLevels.EvaluationsOf(asked))
        {
            if (changed > 0 || !await communeLevels.HasLevelsAsync(era, year, cancellationToken))
            {
                var report = await communeLevels.EvaluateAsync(era, year, cancellationToken);
                levels.Add(report);
                await log.WriteLineAsync($"{source} {period}: {report}");
            }
        }

        return new PullJobResult(pull, load, conflicts, levels);
    }

    /// <summary>The scheduled form: the latest period the source has published by now (see <see cref="PublicationCalendar"/>).</summary>
    public Task<PullJobResult> RunLatestAsync(string source, CancellationToken cancellationToken)
    {
        // Stand-ins (the simulators) publish up to their own fixed date, not the machine's.
        var now = settings.StandIns?.AsOf ?? time.GetUtcNow();
        var period = settings.Calendar.LatestPublished(SourceCatalog.Select(source)[0].Descriptor.Cadence, now);
        return RunAsync(source, period.ToString(), cancellationToken);
    }
}

/// <summary>What one job run did: the pull's, the load's and the conflict detection's reports, and the evaluation when one ran.</summary>
public sealed record PullJobResult(RunReport Pull, Warehouse.Facts.LoadReport Load, ReconciliationReport Conflicts, IReadOnlyList<LevelsReport> Levels);

/// <summary>A step of a job failed; the message names the source, period and the run to look at.</summary>
public sealed class JobStepFailedException(string message) : Exception(message);

/// <summary>How jobs run in this process: where progress goes, and what answers in the sources' place, if anything.</summary>
/// <param name="StandIns">The bundled simulators when the demo, the bench, the simulated host or a test runs the job (SIMULATED data); null: the configured national systems.</param>
public sealed record JobSettings(PublicationCalendar Calendar, TextWriter Log, ISourceStandIns? StandIns = null);
