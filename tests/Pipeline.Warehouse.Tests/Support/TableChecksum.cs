using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Tests.Support;

/// <summary>An order-independent checksum of a table's rows, to prove a load or a refused load left it as it was.</summary>
public static class TableChecksum
{
    public static Task<string> OfAsync(NpgsqlConnection connection, string table) =>
        connection.ExecuteScalarAsync<string>(
            $"select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') from {table} t")!;
}
