using Npgsql;
using NpgsqlTypes;

namespace Pipeline.Warehouse;

/// <summary>
/// Binary COPY of rows into a (staging) table. Uses the synchronous Write path, which measured 2-5x faster than
/// per-value WriteAsync here (../shared/MACHINE-NOTES.md).
/// </summary>
internal static class BinaryCopy
{
    public static async Task RowsAsync<T>(
        NpgsqlConnection connection, string copyCommand, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> writeRow, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copyCommand, ct);
        foreach (var row in rows)
        {
            importer.StartRow();
            writeRow(importer, row);
        }

        await importer.CompleteAsync(ct);
    }

    public static void WriteNullable(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }

    public static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
