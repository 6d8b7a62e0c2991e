using Dapper;
using Npgsql;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// The units, indicators and intake runs one load's facts refer to, gathered while the facts are written, each with
/// the first fact that named it; checked in one query before the commit (check_fact_references.sql). This replaces a
/// foreign-key trigger per inserted row, which was two thirds of a load's time (sql/0013), and a scan of the written
/// rows: a period names some thousand units, forty indicators and one run, not 132,840 of each.
/// </summary>
internal sealed class FactReferences
{
    private const int ProblemsShown = 3;

    private readonly Dictionary<(short Era, string Code), Fact> _units = [];
    private readonly Dictionary<string, Fact> _indicators = new(StringComparer.Ordinal);
    private readonly Dictionary<long, Fact> _runs = [];
    private Fact? _previous;

    public void Add(Fact fact)
    {
        // Facts come in unit order: most rows name the unit and run of the row before, so those skip the lookup.
        if (_previous is null || _previous.Era != fact.Era || !string.Equals(_previous.UnitCode, fact.UnitCode, StringComparison.Ordinal))
        {
            _units.TryAdd(((short)fact.Era, fact.UnitCode), fact);
        }

        _indicators.TryAdd(fact.Indicator, fact);
        if (_previous is null || _previous.IntakeRunId != fact.IntakeRunId)
        {
            _runs.TryAdd(fact.IntakeRunId, fact);
        }

        _previous = fact;
    }

    /// <summary>Throws, naming the records of the facts concerned, when a unit, indicator or intake run does not exist.</summary>
    public async Task RequireExistAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var missing = await connection.QueryAsync<(string Kind, short? Era, string Key)>(new CommandDefinition(
            SqlResources.Query("Facts/check_fact_references"),
            new
            {
                eras = _units.Keys.Select(u => u.Era).ToArray(),
                units = _units.Keys.Select(u => u.Code).ToArray(),
                indicators = _indicators.Keys.ToArray(),
                runs = _runs.Keys.ToArray(),
            },
            transaction,
            commandTimeout: 0,
            cancellationToken: ct));
        var problems = missing
            .GroupBy(m => m.Kind)
            .SelectMany(kind => kind.Take(ProblemsShown).Select(m => Problem(m.Kind, m.Era, m.Key)))
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"the facts were refused, nothing was written: {string.Join("; ", problems)}");
        }
    }

    private string Problem(string kind, short? era, string key) => kind switch
    {
        "unit" => $"no unit {era}/{key} in ref.admin_unit for the fact of {Records(_units[(era!.Value, key)])}",
        "indicator" => $"no indicator {key} in fact.indicator for the fact of {Records(_indicators[key])}",
        _ => $"no intake run {key} for the fact of {Records(_runs[long.Parse(key, System.Globalization.CultureInfo.InvariantCulture)])}",
    };

    private static string Records(Fact fact) => string.Join(", ", fact.RecordRefs);
}
