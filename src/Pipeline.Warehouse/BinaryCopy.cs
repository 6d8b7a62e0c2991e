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

    /// <summary>
    /// The same through a raw binary COPY: each row encoded by <see cref="BinaryCopyRows"/> into one buffer, sent every
    /// 64 KiB, synchronously as above. For wide rows in bulk (facts); a failure or cancellation cancels the COPY, so
    /// nothing of it is stored.
    /// </summary>
    public static async Task RawRowsAsync<T>(
        NpgsqlConnection connection, string copyCommand, IEnumerable<T> rows, Action<BinaryCopyRows, T> writeRow, CancellationToken ct)
    {
        await using var stream = await connection.BeginRawBinaryCopyAsync(copyCommand, ct);
        var encoded = new BinaryCopyRows();
        try
        {
            encoded.Header();
            foreach (var row in rows)
            {
                writeRow(encoded, row);
                if (encoded.IsFull)
                {
                    ct.ThrowIfCancellationRequested();
                    stream.Write(encoded.Written.Span);
                    encoded.Clear();
                }
            }

            encoded.Trailer();
            stream.Write(encoded.Written.Span);
        }
        catch
        {
            // Disposing a raw COPY stream ends the COPY as if complete: cancel it instead.
            await stream.CancelAsync();
            throw;
        }
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
