using System.Security.Cryptography;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Pipeline.Core.Periods;
using Pipeline.Intake;

namespace Pipeline.Warehouse.Intake;

/// <summary>
/// Commits pages: payload, records (binary COPY into staging, then one merge), quarantine, cursor and run counts in
/// one transaction. Uses the run's own connection, the one holding the advisory lock.
/// </summary>
internal sealed class PostgresIntakeSession(
    NpgsqlConnection connection, long runId, SourceDescriptor source, Period period, TimeProvider clock) : IIntakeSession
{
    public long RunId => runId;

    public SourceDescriptor Source => source;

    public Period Period => period;

    public Task<string?> ReadCursorAsync(string stream, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            SqlResources.Query("Intake/read_cursor"),
            new { source = source.Name, stream, period = period.ToString() },
            cancellationToken: cancellationToken));

    public async Task CommitPageAsync(LandedPage page, CancellationToken cancellationToken)
    {
        var payload = page.Payload;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var payloadId = await LandAsync(payload, transaction, cancellationToken);

        var counts = new PageCounts(Landed: 0, Unchanged: 1, Read: 0, Inserted: 0, Revised: 0, Quarantined: 0);
        if (payloadId is { } id)
        {
            // New bytes: merge what they hold. Identical bytes were merged when first landed; nothing to do.
            var merged = await MergeRecordsAsync(page, payload.Stream, id, transaction, cancellationToken);
            await InsertQuarantineAsync(page, payload.Stream, id, transaction, cancellationToken);
            counts = new PageCounts(1, 0, page.Records.Count, merged.Inserted, merged.Revised, page.Quarantined.Count);
        }

        await UpsertCursorAsync(payload.Stream, page.CursorAfter, transaction, cancellationToken);
        await CountAsync(counts, rejected: 0, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task LandReferenceAsync(FetchedPayload payload, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LandAsync(payload, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RecordRejectedPayloadAsync(string stream, string request, int sizeBytes, string reason, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlResources.Query("Intake/insert_rejected_payload"),
            new { run_id = runId, source = source.Name, stream, request, size_bytes = sizeBytes, reason, now = clock.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        await CountAsync(new PageCounts(0, 0, 0, 0, 0, 0), rejected: 1, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CommitCursorAsync(string stream, string cursor, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UpsertCursorAsync(stream, cursor, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The new payload's id, or null when byte-identical bytes of the stream and period were landed before.</summary>
    private Task<long?> LandAsync(FetchedPayload payload, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            SqlResources.Query("Intake/land_payload"),
            new
            {
                run_id = runId, source = source.Name, stream = payload.Stream, period = period.ToString(), request = payload.Request,
                content_type = payload.ContentType, size_bytes = payload.Content.Length, sha256 = SHA256.HashData(payload.Content),
                fetched_at = payload.FetchedAt, content = payload.Content,
            },
            transaction,
            cancellationToken: cancellationToken));

    private async Task<MergeCounts> MergeRecordsAsync(
        LandedPage page, string stream, long payloadId, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(SqlResources.Query("Intake/create_record_staging"), transaction: transaction, cancellationToken: cancellationToken));
        await BinaryCopy.RowsAsync(
            connection,
            "copy stage_record (unit_key_kind, unit_key, unit_label, indicator, period, numerator, denominator, value, value_unit, record_ref) from stdin (format binary)",
            page.Records,
            (w, r) =>
            {
                w.Write(r.Unit.Kind.ToText(), NpgsqlDbType.Text);
                w.Write(r.Unit.Value, NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, r.Unit.Label);
                w.Write(r.Indicator, NpgsqlDbType.Text);
                w.Write(r.Period, NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, r.Numerator, NpgsqlDbType.Numeric);
                BinaryCopy.WriteNullable(w, r.Denominator, NpgsqlDbType.Numeric);
                BinaryCopy.WriteNullable(w, r.Value, NpgsqlDbType.Numeric);
                w.Write(r.ValueUnit.ToText(), NpgsqlDbType.Text);
                w.Write(r.RecordRef, NpgsqlDbType.Text);
            },
            cancellationToken);
        return await connection.QuerySingleAsync<MergeCounts>(new CommandDefinition(
            SqlResources.Query("Intake/merge_intake_records"),
            new { run_id = runId, source = source.Name, stream, payload_id = payloadId },
            transaction,
            cancellationToken: cancellationToken));
    }

    private Task InsertQuarantineAsync(LandedPage page, string stream, long payloadId, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        page.Quarantined.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                SqlResources.Query("Intake/insert_quarantine"),
                new
                {
                    run_id = runId, source = source.Name, stream, payload_id = payloadId,
                    record_refs = page.Quarantined.Select(q => q.RecordRef).ToArray(),
                    raws = page.Quarantined.Select(q => q.Raw).ToArray(),
                    reasons = page.Quarantined.Select(q => q.Reason).ToArray(),
                    details = page.Quarantined.Select(q => q.Detail).ToArray(),
                },
                transaction,
                cancellationToken: cancellationToken));

    private Task UpsertCursorAsync(string stream, string position, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            SqlResources.Query("Intake/upsert_intake_cursor"),
            new { source = source.Name, stream, period = period.ToString(), position, run_id = runId, now = clock.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));

    private Task CountAsync(PageCounts c, int rejected, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            SqlResources.Query("Intake/count_intake_page"),
            new
            {
                run_id = runId, landed = c.Landed, unchanged = c.Unchanged, read = c.Read, inserted = c.Inserted,
                revised = c.Revised, quarantined = c.Quarantined, rejected,
            },
            transaction,
            cancellationToken: cancellationToken));

    private sealed record MergeCounts(int Inserted, int Revised);

    private sealed record PageCounts(int Landed, int Unchanged, int Read, int Inserted, int Revised, int Quarantined);
}
