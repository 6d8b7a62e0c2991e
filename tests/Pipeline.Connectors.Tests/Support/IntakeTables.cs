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

    private static async Task<T> Scalar<T>(NpgsqlDataSource db, string sql, string source, string arg = "")
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, new { source, arg }) ?? default!;
    }
}
