using Dapper;
using Npgsql;
using NpgsqlTypes;
using Pipeline.Core.Units;

namespace Pipeline.Warehouse.Levels;

/// <summary>
/// Stores one evaluation (framework, era, year) in <c>fact.level</c>: binary COPY into staging, then one statement
/// that records each changed level in <c>fact.level_change</c> and writes only those; an unchanged evaluation writes
/// nothing.
/// </summary>
public sealed class LevelStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <returns>How many units' stored levels changed (new ones included).</returns>
    public async Task<int> SaveAsync(string framework, Era era, int year, IEnumerable<StoredLevel> levels, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SqlResources.Query("Levels/create_level_staging"), transaction: transaction, cancellationToken: ct));
        await BinaryCopy.RowsAsync(
            connection,
            "copy stage_level (unit_code, level, attainable_level, blocking, missing, undetermined) from stdin (format binary)",
            levels,
            (w, l) =>
            {
                w.Write(l.UnitCode, NpgsqlDbType.Text);
                w.Write(l.Level, NpgsqlDbType.Integer);
                w.Write(l.AttainableLevel, NpgsqlDbType.Integer);
                w.Write(l.Blocking.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                w.Write(l.Missing.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                w.Write((l.Undetermined ?? []).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            },
            ct);
        var changed = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            SqlResources.Query("Levels/merge_levels"),
            new { framework, era = (short)era, year, now = clock.GetUtcNow() },
            transaction,
            cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return changed;
    }
}

/// <summary>One unit's evaluation as stored.</summary>
/// <param name="Undetermined">Criteria whose bounds straddle the level + 1 threshold (none for values without bounds).</param>
public sealed record StoredLevel(
    string UnitCode, int Level, int AttainableLevel, IReadOnlyList<string> Blocking, IReadOnlyList<string> Missing,
    IReadOnlyList<string>? Undetermined = null);
