using Dapper;
using Npgsql;

namespace Pipeline.Warehouse;

/// <summary>Builds the one <see cref="NpgsqlDataSource"/> a process uses for the warehouse.</summary>
public static class WarehouseDataSource
{
    public static NpgsqlDataSource Create(string connectionString, string applicationName = "pipeline")
    {
        // Columns are snake_case in SQL and PascalCase in records; Dapper matches them once this is on.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= applicationName;
        return builder.Build();
    }
}
