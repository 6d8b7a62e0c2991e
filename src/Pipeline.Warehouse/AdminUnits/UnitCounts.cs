using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.AdminUnits;

/// <summary>How many units of each level each era has in <c>ref.admin_unit</c>.</summary>
public static class UnitCounts
{
    public static async Task<IReadOnlyList<UnitCount>> ReadAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<UnitCount>(new CommandDefinition(SqlResources.Query("AdminUnits/unit_summary"), cancellationToken: ct))];
    }
}

/// <param name="Level">province, district or commune.</param>
public sealed record UnitCount(short Era, string Level, long Units);
