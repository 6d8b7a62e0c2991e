using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Tests.Reliability;

/// <summary>
/// What one source holds in the warehouse, as checksums: <see cref="WrittenAsync"/> includes each row's xmin, so a row
/// rewritten with the same values still counts as changed; <see cref="ContentAsync"/> leaves out the source name and
/// everything a run stamps (ids, times), so two sources loaded from the same records compare equal.
/// </summary>
internal static class SourceState
{
    private static readonly string[] Tables = ["intake.record", "intake.record_revision", "fact.value", "fact.value_revision", "fact.quarantine", "fact.unit_mapping"];

    public static async Task<string> WrittenAsync(NpgsqlConnection connection, string source)
    {
        var parts = new List<string>();
        foreach (var table in Tables)
        {
            parts.Add(await connection.ExecuteScalarAsync<string>(
                $"select '{table} ' || count(*) || ':' || coalesce(md5(string_agg(t.xmin::text || md5(t::text), '' order by t.xmin::text || md5(t::text))), '') from {table} t where source = @source",
                new { source }) ?? "");
        }

        return string.Join(" | ", parts);
    }

    public static async Task<string> ContentAsync(NpgsqlConnection connection, string source) => string.Join(" | ",
        await connection.ExecuteScalarAsync<string>(
            """
            select 'facts ' || count(*) || ':' || coalesce(md5(string_agg(row, '' order by row)), '')
              from (select concat_ws(',', stream, era, unit_code, indicator, period, numerator, denominator, value, value_unit, complete,
                                     simulated, unit_keys::text, revision) as row
                      from fact.value where source = @source) f
            """,
            new { source }),
        await connection.ExecuteScalarAsync<string>(
            """
            select 'quarantine ' || count(*) || ':' || coalesce(md5(string_agg(row, '' order by row)), '')
              from (select concat_ws(',', stream, unit_key, indicator, period, reason, candidates::text, released_at is null) as row
                      from fact.quarantine where source = @source) q
            """,
            new { source }));
}
