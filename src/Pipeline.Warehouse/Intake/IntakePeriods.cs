using Dapper;
using Npgsql;
using Pipeline.Core.Periods;

namespace Pipeline.Warehouse.Intake;

/// <summary>The periods a source has intake records for, oldest first: what a load of "every period" loads.</summary>
public static class IntakePeriods
{
    public static async Task<List<Period>> ReadAsync(NpgsqlDataSource dataSource, string source, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var texts = await connection.QueryAsync<string>(new CommandDefinition(SqlResources.Query("Intake/intake_periods"), new { source }, cancellationToken: ct));
        return [.. texts.Select(Period.Parse).OrderBy(p => p.Start)];
    }
}
