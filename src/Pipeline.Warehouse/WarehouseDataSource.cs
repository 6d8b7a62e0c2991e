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

        // The criterion and resolution views plan at costs far above jit_above_cost, and PostgreSQL then spends longer
        // compiling them than running them (the criterion view: 5.7 s of JIT in a 12 s query, 0.9 s without). The
        // product's own connections turn JIT off; a connection string's own options stay.
        builder.ConnectionStringBuilder.Options = string.Join(' ', new[] { builder.ConnectionStringBuilder.Options, "-c jit=off" }.Where(o => !string.IsNullOrEmpty(o)));
        return builder.Build();
    }
}
