using Dapper;
using Npgsql;
using Pipeline.Core.Units;

namespace Pipeline.Warehouse.AdminUnits;

/// <summary>
/// A steward's decision that a source's id or name is this commune (<c>fact.unit_mapping</c>, method steward). It
/// replaces a label mapping of the same key and wins over name matching from the next load on.
/// </summary>
public sealed class StewardMappings(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<StewardMappingResult> MapAsync(StewardMapping mapping, CancellationToken ct)
    {
        var parameters = new
        {
            source = mapping.Source,
            unit_key_kind = mapping.UnitKeyKind,
            unit_key = mapping.UnitKey,
            era = (short)mapping.Era,
            unit_code = mapping.UnitCode,
            note = mapping.Note,
            decided_by = mapping.DecidedBy,
            now = clock.GetUtcNow(),
        };
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var inserted = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            SqlResources.Query("AdminUnits/upsert_steward_mapping"), parameters, cancellationToken: ct));
        var records = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            SqlResources.Query("AdminUnits/count_intake_key"), parameters, cancellationToken: ct));
        return new StewardMappingResult(inserted, records);
    }
}

/// <param name="UnitKeyKind">source_id or name.</param>
public sealed record StewardMapping(string Source, string UnitKeyKind, string UnitKey, Era Era, string UnitCode, string? Note, string DecidedBy);

/// <param name="Inserted">False when the key was mapped before and is re-mapped.</param>
/// <param name="IntakeRecords">Intake records that carry the key (what `quarantine retry` can place).</param>
public sealed record StewardMappingResult(bool Inserted, int IntakeRecords);
