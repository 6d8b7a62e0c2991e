using Dapper;
using Npgsql;

namespace Pipeline.Connectors.Tests.Support;

/// <summary>Questions the tests ask of the intake tables.</summary>
public static class IntakeTables
{
    /// <summary>A checksum over every current record of the source: equal checksums mean equal data.</summary>
    public static Task<string?> ChecksumAsync(NpgsqlDataSource db, string source) =>
        Scalar<string?>(db, """
            select md5(coalesce(string_agg(concat_ws('|', stream, unit_key_kind, unit_key, indicator, period, numerator, denominator, value, value_unit),
                                           ',' order by stream, unit_key_kind, unit_key, indicator, period), ''))
              from intake.record where source = @source
            """, source);

    public static Task<long> UnitKeysAsync(NpgsqlDataSource db, string source, string period) =>
        Scalar<long>(db, "select count(distinct (stream, unit_key)) from intake.record where source = @source and period = @arg", source, period);

    public static Task<long> RecordsAsync(NpgsqlDataSource db, string source) =>
        Scalar<long>(db, "select count(*) from intake.record where source = @source", source);

    public static Task<long> QuarantinedAsync(NpgsqlDataSource db, string source, string reason) =>
        Scalar<long>(db, "select count(*) from intake.quarantine where source = @source and reason = @arg", source, reason);

    public static Task<long> RevisionsAsync(NpgsqlDataSource db, string source) =>
        Scalar<long>(db, "select count(*) from intake.record_revision where source = @source", source);

    /// <summary>Payloads whose bytes contain the text (to prove a refused payload left nothing behind).</summary>
    public static Task<long> PayloadsContainingAsync(NpgsqlDataSource db, string text) =>
        Scalar<long>(db, "select count(*) from intake.payload where position(convert_to(@arg, 'UTF8') in content) > 0", "", text);

    public static Task<long> RejectedAsync(NpgsqlDataSource db, string source) =>
        Scalar<long>(db, "select count(*) from intake.rejected_payload where source = @source", source);

    /// <summary>The stream's stored cursor for the period, or null when none is stored.</summary>
    public static async Task<string?> CursorAsync(NpgsqlDataSource db, string source, string stream, string period)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>(
            "select position from intake.cursor where source = @source and stream = @stream and period = @period", new { source, stream, period });
    }

    /// <summary>Payloads landed for the source's stream (every period).</summary>
    public static async Task<long> PayloadsAsync(NpgsqlDataSource db, string source, string stream)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select count(*) from intake.payload where source = @source and stream = @stream", new { source, stream });
    }

    /// <summary>Records of the source whose key (stream, unit, indicator, period) is stored more than once; the primary key
    /// forbids it, so this proves the table's shape as much as the pull.</summary>
    public static Task<long> DuplicateKeysAsync(NpgsqlDataSource db, string source) =>
        Scalar<long>(db, """
            select count(*) - count(distinct (stream, unit_key_kind, unit_key, indicator, period)) from intake.record where source = @source
            """, source);

    /// <summary>Records with neither a numerator nor a value: what a silently nulled field would leave.</summary>
    public static Task<long> EmptyRecordsAsync(NpgsqlDataSource db, string source) =>
        Scalar<long>(db, "select count(*) from intake.record where source = @source and numerator is null and value is null", source);

    /// <summary>Rows of any intake table whose text (raw, detail, reason, error, request, content) holds the text.</summary>
    public static Task<long> RowsMentioningAsync(NpgsqlDataSource db, string text) =>
        Scalar<long>(db, """
            select (select count(*) from intake.payload where position(convert_to(@arg, 'UTF8') in content) > 0 or request like '%' || @arg || '%')
                 + (select count(*) from intake.quarantine where raw like '%' || @arg || '%' or detail like '%' || @arg || '%')
                 + (select count(*) from intake.rejected_payload where reason like '%' || @arg || '%' or request like '%' || @arg || '%')
                 + (select count(*) from intake.run where error like '%' || @arg || '%')
                 + (select count(*) from intake.cursor where position like '%' || @arg || '%')
            """, "", text);

    private static async Task<T> Scalar<T>(NpgsqlDataSource db, string sql, string source, string arg = "")
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, new { source, arg }) ?? default!;
    }
}
