using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Roles;

/// <summary>
/// Which provinces a database role may see in the analytics views (<c>ref.analyst_scope</c>; the views filter by it,
/// sql/repeatable/). A role with no scope sees every province.
/// </summary>
public sealed class AnalystScopes(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <returns>The (era, province) pairs added; none when the role already had them.</returns>
    public async Task<IReadOnlyList<(short Era, string ProvinceCode)>> RestrictAsync(string role, string province, string grantedBy, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(SqlResources.Query("Roles/role_exists"), new { role }, cancellationToken: ct)))
        {
            throw new ScopeRefusedException(nameof(role), $"no database role '{role}' (create it and grant it pipeline_analyst first)");
        }

        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            SqlResources.Query("Roles/province_exists"), new { province }, cancellationToken: ct)))
        {
            throw new ScopeRefusedException(nameof(province), $"'{province}' is not a 2025 province code");
        }

        return [.. await connection.QueryAsync<(short, string)>(new CommandDefinition(
            SqlResources.Query("Roles/restrict_analyst"), new { role, province, granted_by = grantedBy, now = clock.GetUtcNow() }, cancellationToken: ct))];
    }

    /// <summary>Every scoped role with its provinces, as "era:code" lists.</summary>
    public async Task<IReadOnlyList<(string Role, string Provinces)>> ListAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<(string, string)>(new CommandDefinition(
            SqlResources.Query("Roles/list_analyst_scopes"), cancellationToken: ct))];
    }

    /// <returns>How many (era, province) pairs were removed: the role sees every province again.</returns>
    public async Task<int> RemoveAsync(string role, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(SqlResources.Query("Roles/remove_analyst_scope"), new { role }, cancellationToken: ct));
    }
}

/// <summary>A scope that cannot be given: <see cref="What"/> is "role" or "province".</summary>
public sealed class ScopeRefusedException(string what, string message) : Exception(message)
{
    public string What { get; } = what;
}
