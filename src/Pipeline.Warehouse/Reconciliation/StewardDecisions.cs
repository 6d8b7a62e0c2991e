using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Reconciliation;

/// <summary>
/// A data steward's decisions on a compared value: accept one source's value, or override with a value of their own
/// (a reason and an evidence link required). The row is locked while deciding, the decision and who made it are
/// stored on the row, and the event trail keeps the values before and after. Nothing here trusts its caller: the
/// CLI and the web API both come through these checks.
/// </summary>
public sealed class StewardDecisions(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>A decision as the CLI and the web API receive it: an accept or an override, never both or neither.</summary>
    public Task<Candidate> DecideAsync(long id, StewardDecision decision, string steward, CancellationToken ct)
    {
        var overriding = decision.Numerator is not null || decision.Value is not null;
        if (overriding == !string.IsNullOrWhiteSpace(decision.Accept))
        {
            throw new StewardDecisionException(
                StewardDecisionProblem.Invalid, "give either accept (source/stream) or an override value (numerator or value), not both or neither");
        }

        return overriding
            ? OverrideAsync(id, decision.Numerator, decision.Denominator, decision.Value, steward, decision.Reason ?? "", decision.Evidence ?? "", ct)
            : AcceptAsync(id, decision.Accept!, steward, decision.Reason, decision.Evidence, ct);
    }

    /// <param name="origin">The candidate to accept as "source/stream", e.g. "emc/dossier-stats".</param>
    public Task<Candidate> AcceptAsync(long id, string origin, string steward, string? note, string? evidenceUrl, CancellationToken ct) =>
        DecideAsync(id, steward, ReconciliationActions.Accepted, ReconciliationReasons.StewardAccepted, note, evidenceUrl, candidates =>
            candidates.FirstOrDefault(c => c.Origin == origin)
                ?? throw new StewardDecisionException(
                    StewardDecisionProblem.Invalid, $"conflict {id} has no value from '{origin}'; it has {string.Join(", ", candidates.Select(c => c.Origin))}"),
            ct);

    public Task<Candidate> OverrideAsync(
        long id, decimal? numerator, decimal? denominator, decimal? value, string steward, string note, string evidenceUrl, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new StewardDecisionException(StewardDecisionProblem.Invalid, "an override needs a reason");
        }

        if (!Uri.TryCreate(evidenceUrl, UriKind.Absolute, out var evidence) || (evidence.Scheme != Uri.UriSchemeHttps && evidence.Scheme != Uri.UriSchemeHttp))
        {
            throw new StewardDecisionException(StewardDecisionProblem.Invalid, $"an override needs an evidence link (http or https), not '{evidenceUrl}'");
        }

        return DecideAsync(id, steward, ReconciliationActions.Overridden, ReconciliationReasons.StewardOverride, note, evidenceUrl, candidates =>
        {
            var shape = candidates[0];
            if (shape.Numerator is not null && numerator is null)
            {
                throw new StewardDecisionException(StewardDecisionProblem.Invalid, "the sources give a count: give the numerator");
            }

            if (shape.Numerator is null && value is null)
            {
                throw new StewardDecisionException(StewardDecisionProblem.Invalid, "the sources give a value: give the value");
            }

            if (candidates.All(c => c.Denominator is not null) && denominator is null)
            {
                throw new StewardDecisionException(StewardDecisionProblem.Invalid, "every source gives a denominator: give the denominator");
            }

            if (numerator < 0 || denominator < 0 || value < 0)
            {
                throw new StewardDecisionException(StewardDecisionProblem.Invalid, "values cannot be negative");
            }

            if (numerator > denominator)
            {
                throw new StewardDecisionException(StewardDecisionProblem.Invalid, $"the numerator {numerator} exceeds the denominator {denominator}");
            }

            // The steward is the override's source; it is as simulated as the values it replaces.
            return new Candidate("steward", steward, shape.Indicator, numerator, denominator, value, shape.ValueUnit, true, candidates.Any(c => c.Simulated), 0);
        },
        ct);
    }

    private async Task<Candidate> DecideAsync(
        long id, string steward, string action, string reason, string? note, string? evidenceUrl, Func<IReadOnlyList<Candidate>, Candidate> choose, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(steward))
        {
            throw new StewardDecisionException(StewardDecisionProblem.Invalid, "a decision needs the steward's name");
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, string Status, string Candidates, string? Chosen)?>(new CommandDefinition(
            SqlResources.Query("Reconciliation/lock_reconciliation"), new { id }, transaction, cancellationToken: ct))
            ?? throw new StewardDecisionException(StewardDecisionProblem.NotFound, $"no conflict {id}");
        if (row.Status == ReconciliationStatus.Withdrawn)
        {
            throw new StewardDecisionException(StewardDecisionProblem.Invalid, $"conflict {id} was withdrawn: fewer than two sources give a value now");
        }

        var chosen = choose(CandidateJson.ReadList(row.Candidates));
        await connection.ExecuteAsync(new CommandDefinition(
            SqlResources.Query("Reconciliation/record_steward_decision"),
            new
            {
                id,
                steward,
                action,
                reason,
                note = string.IsNullOrWhiteSpace(note) ? null : note,
                evidence = string.IsNullOrWhiteSpace(evidenceUrl) ? null : evidenceUrl,
                chosen = CandidateJson.Write(chosen),
                chosen_before = row.Chosen,
                status_before = row.Status,
                now = clock.GetUtcNow(),
            },
            transaction,
            cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return chosen;
    }
}

/// <summary>
/// A steward's decision on a conflict: <see cref="Accept"/> ("source/stream"), or an override (<see cref="Numerator"/>
/// or <see cref="Value"/>, with <see cref="Reason"/> and <see cref="Evidence"/>). Also the body of the web API's resolve.
/// </summary>
public sealed record StewardDecision(string? Accept, decimal? Numerator, decimal? Denominator, decimal? Value, string? Reason, string? Evidence);

/// <summary>Why a decision was refused: the conflict does not exist, or the decision is not valid for it.</summary>
public enum StewardDecisionProblem
{
    NotFound,
    Invalid,
}

/// <summary>A refused decision, with a message for the steward.</summary>
public sealed class StewardDecisionException(StewardDecisionProblem problem, string message) : Exception(message)
{
    public StewardDecisionProblem Problem { get; } = problem;
}
