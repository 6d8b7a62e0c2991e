using Dapper;
using Npgsql;
using Pipeline.Core.Evaluation;

namespace Pipeline.Warehouse.Prefill;

/// <summary>
/// Reads the pre-filled self-assessments of the 2025 communes of a province (or all) for a year under Decision 2361:
/// the measured and attested values (<c>analytics.criterion_values_qd2361</c>), the evidence and as-of date of the
/// measured ones, which wait for a steward, and the stored levels. One reader for the CLI's files and the host's JSON.
/// </summary>
public sealed class PrefillReader(NpgsqlDataSource dataSource)
{
    public const string Framework = "qd2361";

    public async Task<IReadOnlyList<CommunePrefill>> ReadAsync(LevelFramework framework, int year, string? province, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var parameters = new { year, province };
        var units = (await connection.QueryAsync<UnitRow>(new CommandDefinition(SqlResources.Query("Prefill/prefill_units"), parameters, cancellationToken: ct))).ToList();
        var values = (await connection.QueryAsync<ValueRow>(new CommandDefinition(SqlResources.Query("Prefill/prefill_values"), parameters, cancellationToken: ct)))
            .ToDictionary(v => (v.UnitCode, v.Criterion));
        var evidence = (await connection.QueryAsync<EvidenceRow>(new CommandDefinition(SqlResources.Query("Prefill/prefill_evidence"), parameters, cancellationToken: ct)))
            .ToDictionary(e => (e.UnitCode, e.Criterion));
        var criteria = framework.Criteria.Where(c => c.Scope == CriterionScope.Commune).ToList();

        return [.. units.Select(u => new CommunePrefill(
            Framework,
            year,
            u.UnitCode,
            u.UnitName,
            u.ProvinceCode,
            u.ProvinceName,
            u.Level,
            u.Level is { } level ? (level == 0 ? "chưa đạt mức 1" : framework.LevelNames[level - 1]) : null,
            u.AttainableLevel,
            Codes(u.Blocking),
            Codes(u.Missing),
            [.. criteria.Select(c => Line(c, values.GetValueOrDefault((u.UnitCode, c.Code)), evidence.GetValueOrDefault((u.UnitCode, c.Code)), u))])
        {
            Undetermined = Codes(u.Undetermined),
        })];
    }

    /// <summary>The province of a 2025 commune, or null when the code is not one.</summary>
    public async Task<string?> ProvinceOfAsync(string unitCode, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            SqlResources.Query("Prefill/province_of_commune"), new { unit_code = unitCode }, cancellationToken: ct));
    }

    private static PrefilledCriterion Line(LevelCriterion criterion, ValueRow? value, EvidenceRow? measured, UnitRow unit)
    {
        var measure = criterion.Measure.ToString();
        if (value is { Status: PrefillStatus.Attested })
        {
            return new PrefilledCriterion(
                criterion.Code, criterion.Name, criterion.Group, criterion.Unit, measure, value.Value, value.Denominator, PrefillStatus.Attested,
                $"attested by {value.AttestedBy} ({value.Sources}, {value.Resolution})", value.AttestedAt is { } at ? DateOnly.FromDateTime(at) : null, value.EvidenceUrl, false);
        }

        if (value is not null)
        {
            return new PrefilledCriterion(
                criterion.Code, criterion.Name, criterion.Group, criterion.Unit, measure, value.Value, value.Denominator, PrefillStatus.Automatic,
                $"{value.Origin}: {value.Sources} ({value.Resolution})", measured?.AsOf, measured?.Evidence, value.Simulated)
            {
                Low = value.Low,
                High = value.High,
                Note = Note(criterion, value, unit),
            };
        }

        // No value: either a source's value waits for a steward, or nothing measures it and nobody attested it.
        var status = measured?.Pending == true ? PrefillStatus.ConflictPending : PrefillStatus.Missing;
        return new PrefilledCriterion(criterion.Code, criterion.Name, criterion.Group, criterion.Unit, measure, null, null, status, null, measured?.AsOf, measured?.Evidence, false);
    }

    /// <summary>
    /// What a value with bounds leaves open: the threshold of the next level inside them (the stored evaluation lists
    /// the criterion as undetermined), or an operator that has not reported the period (the high bound is open).
    /// </summary>
    private static string? Note(LevelCriterion criterion, ValueRow value, UnitRow unit)
    {
        if (value.Low is not { } low || value.High is not { } high)
        {
            return null;
        }

        var observation = new Observation(value.Value, value.Denominator, new ValueBounds(low, high));
        if (unit.Level is { } level && Codes(unit.Undetermined).Contains(criterion.Code))
        {
            return GapText.UndeterminedGap(criterion, observation, level + 1);
        }

        var bounds = $"bounds {GapText.Interval(criterion.Measure, observation)}";
        return value.Resolution?.Contains("parts_incomplete", StringComparison.Ordinal) == true
            ? $"parts incomplete: an operator has not reported the period, {bounds}"
            : $"{bounds} (operators' counts combined as parts of one total)";
    }

    private static IReadOnlyList<string> Codes(string? codes) => string.IsNullOrEmpty(codes) ? [] : codes.Split(';');

    private sealed record UnitRow(string UnitCode, string UnitName, string ProvinceCode, string ProvinceName, int? Level, int? AttainableLevel, string? Blocking, string? Missing, string? Undetermined);

    private sealed record ValueRow(
        string UnitCode, string Criterion, decimal Value, decimal? Denominator, string Status, bool Simulated, string Origin, string? Sources, string? Resolution,
        string? EvidenceUrl, string? AttestedBy, DateTime? AttestedAt, decimal? Low, decimal? High);

    private sealed record EvidenceRow(string UnitCode, string Criterion, DateOnly? AsOf, bool Pending, string? Evidence);
}
