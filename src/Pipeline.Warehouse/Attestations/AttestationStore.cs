using Dapper;
using Npgsql;
using Pipeline.Core.Units;

namespace Pipeline.Warehouse.Attestations;

/// <summary>
/// Stores checked attestations in one transaction (all of an import or none), keeping replaced values, and says
/// which criteria a system measures (those take no attestation).
/// </summary>
public sealed class AttestationStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<IReadOnlySet<string>> MeasuredCriteriaAsync(string framework, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(SqlResources.Query("Attestations/measured_criteria"), new { framework }, cancellationToken: ct)))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <returns>How many attestations were new, changed and unchanged.</returns>
    public async Task<(int New, int Changed, int Unchanged)> SaveAsync(IReadOnlyList<Attestation> attestations, string attestedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var a in attestations)
        {
            var outcome = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                SqlResources.Query("Attestations/upsert_attestation"),
                new
                {
                    framework = a.Framework,
                    era = (short)Era.Y2025,
                    unit_code = a.UnitCode,
                    year = a.Year,
                    criterion = a.Criterion,
                    value = a.Value,
                    denominator = a.Denominator,
                    evidence_url = a.EvidenceUrl,
                    note = a.Note,
                    attested_by = attestedBy,
                    now,
                    source_file = a.SourceFile,
                    source_row = a.SourceRow,
                },
                transaction,
                cancellationToken: ct)) ?? "unchanged";
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }

        await transaction.CommitAsync(ct);
        return (counts.GetValueOrDefault("new"), counts.GetValueOrDefault("changed"), counts.GetValueOrDefault("unchanged"));
    }
}

/// <summary>One checked attested value of a 2025 commune, with the file and row it came from.</summary>
public sealed record Attestation(
    string Framework, string UnitCode, int Year, string Criterion, decimal Value, decimal? Denominator, string EvidenceUrl, string? Note, string SourceFile, string SourceRow);
