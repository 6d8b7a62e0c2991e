using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// Writes the whole set of facts one load gives for a (source, period) into fact.value, inside the caller's
/// transaction and under its advisory lock, the cheapest way that leaves the same rows:
/// <list type="bullet">
/// <item>a period with no facts yet: binary COPY straight into fact.value (<see cref="FactCopy"/>);</item>
/// <item>facts whose digest is the one the latest succeeded load left (<see cref="FactDigest"/>): nothing to write,
/// as the merge would find (the nightly re-pull of an unchanged source);</item>
/// <item>otherwise: COPY into staging and the guarded merge (<see cref="FactMergeStatement"/>), which writes only new,
/// changed and withdrawn facts and keeps what they replace.</item>
/// </list>
/// Every fact written is checked for its unit, indicator and intake run before the caller commits
/// (<see cref="FactReferences"/>). Give the facts in key order (<see cref="FactOrder"/>): inserts then go to the end
/// of the period's range of the primary key, and the unit index is a BRIN over the order rows are written in
/// (sql/0014).
/// </summary>
internal static class FactPeriodWriter
{
    public static async Task<FactWrite> WriteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string source,
        Period period,
        long loadRunId,
        DateTimeOffset now,
        IEnumerable<Fact> facts,
        CancellationToken ct)
    {
        var stored = await connection.QuerySingleAsync<StoredFacts>(new CommandDefinition(
            SqlResources.Query("Facts/read_period_facts_state"), new { source, period = period.ToString() }, transaction, cancellationToken: ct));
        var references = new FactReferences();
        if (!stored.HasFacts)
        {
            var digest = new FactDigest();
            await FactCopy.IntoValueAsync(connection, source, period, loadRunId, now, Observed(facts, references, digest), ct);
            await references.RequireExistAsync(connection, transaction, ct);
            var written = checked((int)digest.Count);
            return new FactWrite(new FactMergeCounts(written, written, 0, 0), digest.ToBytes());
        }

        // The digest needs every fact before anything is written: hold the period's facts (one period, never more).
        // A digest is only there while the period's rows are the ones its load left (sql/0014): a fact removed by
        // hand since (an operator clearing some units to reload them) sends the load through the merge.
        var all = facts as IReadOnlyCollection<Fact> ?? [.. facts];
        var given = FactDigest.Of(all);
        if (stored.Digest is { } left && left.AsSpan().SequenceEqual(given))
        {
            return new FactWrite(new FactMergeCounts(all.Count, 0, 0, 0), given);
        }

        await connection.ExecuteAsync(new CommandDefinition(SqlResources.Query("Facts/create_fact_staging"), transaction: transaction, cancellationToken: ct));
        await FactStaging.CopyFactsAsync(connection, Observed(all, references, null), ct);
        var counts = await FactMergeStatement.RunAsync(connection, transaction, source, period, loadRunId, now, ct);
        await references.RequireExistAsync(connection, transaction, ct);
        return new FactWrite(counts, given);
    }

    private static IEnumerable<Fact> Observed(IEnumerable<Fact> facts, FactReferences references, FactDigest? digest)
    {
        foreach (var fact in facts)
        {
            digest?.Add(fact);
            references.Add(fact);
            yield return fact;
        }
    }

    private sealed record StoredFacts(bool HasFacts, byte[]? Digest);
}

/// <summary>What <see cref="FactPeriodWriter"/> did, and the digest to store on the load's run.</summary>
internal sealed record FactWrite(FactMergeCounts Counts, byte[] Digest);
