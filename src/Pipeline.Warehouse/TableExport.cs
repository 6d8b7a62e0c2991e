using System.Globalization;
using Dapper;
using Npgsql;

namespace Pipeline.Warehouse;

/// <summary>Receives a query's rows as text, columns as the query names them (a CSV writer, say).</summary>
public interface ITableSink
{
    void Columns(IReadOnlyList<string> names);

    void Row(IReadOnlyList<string> values);
}

/// <summary>Streams a named query's rows into a sink, unbuffered: null as an empty cell, numbers and dates invariant.</summary>
internal static class TableExport
{
    public static async Task ExportAsync(NpgsqlDataSource dataSource, string query, object parameters, ITableSink sink, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(SqlResources.Query(query), parameters, cancellationToken: ct));
        sink.Columns([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)]);
        var fields = new object[reader.FieldCount];
        while (await reader.ReadAsync(ct))
        {
            reader.GetValues(fields);
            sink.Row([.. fields.Select(f => f is DBNull ? "" : Convert.ToString(f, CultureInfo.InvariantCulture) ?? "")]);
        }
    }
}
