using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// Before a merge: every unit, indicator and intake run the staged facts refer to exists. Checked once per load over the
/// whole staged set (check_staged_facts.sql) rather than by a foreign-key trigger per inserted row, which was two
/// thirds of a load's time (sql/0013).
/// </summary>
internal static class StagedFactCheck
{
    public static async Task RequireSoundAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var problems = (await connection.QueryAsync<string>(new CommandDefinition(
            SqlResources.Query("check_staged_facts"), transaction: transaction, commandTimeout: 0, cancellationToken: ct))).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"the staged facts were refused, nothing was merged: {string.Join("; ", problems)}");
        }
    }
}
