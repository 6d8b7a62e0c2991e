using Dapper;
using Npgsql;
using Pipeline.Core.Units;

namespace Pipeline.Warehouse.Levels;

/// <summary>What an evaluation reads and what it stored: criterion values of a year, the levels of a year.</summary>
public sealed class LevelReader(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The 2361 criterion values of one map and assessment year, measured or attested
    /// (<c>analytics.criterion_values_qd2361</c>), in evaluate's IN.csv order.
    /// </summary>
    public async Task<IReadOnlyList<CriterionValue>> CriterionValuesAsync(Era era, int year, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<CriterionValue>(new CommandDefinition(
            SqlResources.Query("Levels/criterion_inputs_for_year"), new { era = (short)era, year }, cancellationToken: ct))];
    }

    /// <summary>Stored levels of a year with province names (<c>analytics.levels</c>), by unit code.</summary>
    public async Task<IReadOnlyList<StoredUnitLevel>> LevelsAsync(string framework, Era era, int year, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<StoredUnitLevel>(new CommandDefinition(
            SqlResources.Query("Levels/levels_for_year"), new { framework, era = (short)era, year }, cancellationToken: ct))];
    }

    /// <summary>Whether the year was ever evaluated (a warehouse upgraded with facts already loaded has no levels yet).</summary>
    public async Task<bool> HasLevelsAsync(string framework, Era era, int year, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            SqlResources.Query("Levels/has_levels"), new { framework, era = (short)era, year }, cancellationToken: ct));
    }
}

/// <summary>One criterion's value for one unit, as evaluate reads a line of IN.csv.</summary>
/// <param name="Low">With <paramref name="High"/>, the bounds of a value combined from parts (sql/0015); null otherwise.</param>
public sealed record CriterionValue(string UnitCode, string Criterion, decimal Value, decimal? Denominator, decimal? Low, decimal? High);

/// <summary>A unit's stored level; blocking, missing and undetermined are `;`-separated codes.</summary>
public sealed record StoredUnitLevel(
    string UnitCode, string ProvinceCode, string ProvinceName, int Level, int AttainableLevel, string Blocking, string Missing, string Undetermined);
