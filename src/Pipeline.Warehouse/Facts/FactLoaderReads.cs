using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>What a load reads before it normalises: the intake records, the indicator rules, the steward mappings.</summary>
internal static class FactLoaderReads
{
    public static async Task<List<IntakeRow>> IntakeRowsAsync(NpgsqlConnection connection, string source, Period period, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<IntakeRecordRow>(new CommandDefinition(
            SqlResources.Query("Facts/read_intake_for_load"), new { source, period = period.ToString() }, cancellationToken: ct));
        return [.. rows.Select(r => new IntakeRow(
            r.Stream,
            new UnitKey(UnitKeyKinds.Parse(r.UnitKeyKind), r.UnitKey, r.UnitLabel),
            r.Indicator,
            r.Numerator,
            r.Denominator,
            r.Value,
            Enum.Parse<ValueUnit>(r.ValueUnit, ignoreCase: true),
            r.PayloadId,
            r.RecordRef,
            r.LastChangedRunId,
            r.Simulated))];
    }

    /// <summary>Facts point at reference units: without them every fact would fail the reference check, so say why first.</summary>
    public static async Task RequireUnitsAsync(NpgsqlConnection connection, Era era, CancellationToken ct)
    {
        var units = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SqlResources.Query("Facts/count_units_of_era"), new { era = (short)era }, cancellationToken: ct));
        if (units == 0)
        {
            throw new InvalidOperationException($"the {(short)era} reference units are not loaded in this warehouse: run `./pipeline units load` first");
        }
    }

    public static async Task<Dictionary<string, IndicatorRule>> IndicatorRulesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(string Indicator, string Folding, string Combining)>(new CommandDefinition(
            SqlResources.Query("Facts/read_indicator_rules"), cancellationToken: ct));
        return rows.Select(r => IndicatorRule.Parse(r.Indicator, r.Folding, r.Combining)).ToDictionary(r => r.Indicator, StringComparer.Ordinal);
    }

    public static async Task<List<UnitMapping>> StewardMappingsAsync(NpgsqlConnection connection, string source, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<MappingRow>(new CommandDefinition(
            SqlResources.Query("Facts/read_steward_mappings"), new { source }, cancellationToken: ct));
        return [.. rows.Select(r => new UnitMapping(UnitKeyKinds.Parse(r.UnitKeyKind), r.UnitKey, (Era)r.Era, r.UnitCode, r.Method, r.Label))];
    }

    private sealed record IntakeRecordRow(
        string Stream, string UnitKeyKind, string UnitKey, string? UnitLabel, string Indicator, decimal? Numerator,
        decimal? Denominator, decimal? Value, string ValueUnit, long PayloadId, string RecordRef, long LastChangedRunId, bool Simulated);

    private sealed record MappingRow(string UnitKeyKind, string UnitKey, short Era, string UnitCode, string Method, string? Label);
}
