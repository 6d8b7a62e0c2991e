using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Facts;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Reliability;

/// <summary>
/// Reliability scenario 10: "data under pre-2025 codes: mapped through the crosswalk, unmapped codes quarantined,
/// totals conserved." A source still keyed by 2024 codes reports a quarter after the reform for every 2024 commune of
/// the country plus codes that are no commune. Every record ends in exactly one place: a 2025 commune's fact (which
/// names it among its keys and adds it into its total) or the quarantine with its reason, so the facts' total plus
/// the quarantined records' total is the input's total.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class OldCodesConservationTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    private static readonly Period AfterReform = Period.Parse("2025-Q3");
    private static readonly string[] NoCommune = ["99991", "99992", "00000"];

    private static readonly SourceDescriptor Operator =
        new("old_codes", "old_codes", new UnitKeying(UnitKeyKind.Code, Era.Y2024, "2024 codes"), PeriodKind.Quarter, ["s"]);

    private NpgsqlDataSource Db => loaded.DataSource;

    public Task InitializeAsync() => loaded.LoadIntoAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryOldCommune_LandsOnItsSuccessorOrInQuarantine_AndTotalsAreConserved()
    {
        await using var connection = await Db.OpenConnectionAsync();
        var communes2024 = (await connection.QueryAsync<string>("select code from ref.admin_unit where era = 2024 and level = 'commune' order by code")).ToList();
        var input = communes2024.Concat(NoCommune).Select((code, i) => (Code: code, Numerator: (decimal)((i % 997) + 1))).ToDictionary(r => r.Code, r => r.Numerator);
        await FactsFromRecords.PullAsync(Db, Operator, AfterReform, [.. input.Select(r => FactsFromRecords.Record(r.Key, r.Value, r.Value * 2))]);

        var report = await FactsFromRecords.LoadAsync(Db, Operator, AfterReform);

        Assert.Equal("succeeded", report.Status);
        var facts = (await connection.QueryAsync<(string Unit, short Era, decimal Numerator, decimal Denominator, string[] Keys, bool Complete)>(
            "select unit_code, era, numerator, denominator, unit_keys, complete from fact.value where source = @s", new { s = Operator.Name })).ToList();
        var quarantined = (await connection.QueryAsync<(string Key, string Reason, string[] Candidates)>(
            "select unit_key, reason, candidates from fact.quarantine where source = @s and released_at is null", new { s = Operator.Name })).ToList();
        var undividable = (await connection.QueryAsync<string>(
            """
            select old_commune_code from ref.crosswalk where old_commune_code is not null
             group by old_commune_code having count(distinct new_commune_code) > 1 and not coalesce(bool_or(primary_target), false)
            """)).ToHashSet();

        // Placed on the 2025 map, each fact the sum of the old communes it names.
        Assert.All(facts, f => Assert.Equal(2025, f.Era));
        Assert.All(facts, f => Assert.Equal((f.Keys.Sum(k => input[k]), 2 * f.Keys.Sum(k => input[k])), (f.Numerator, f.Denominator)));
        var placedKeys = facts.SelectMany(f => f.Keys).ToList();
        Assert.Equal(placedKeys.Count, placedKeys.Distinct().Count());

        // Quarantined: the codes that are no commune, and the old communes split with no primary target, nothing else.
        Assert.Equal(NoCommune.Order(), quarantined.Where(q => q.Reason == "unknown_unit").Select(q => q.Key).Order());
        var splits = quarantined.Where(q => q.Reason == "split_without_primary").ToList();
        Assert.Equal(undividable.Order(), splits.Select(q => q.Key).Order());
        Assert.All(splits, q => Assert.True(q.Candidates.Length > 1, $"{q.Key} lists the communes it touches"));
        Assert.Equal(quarantined.Count, NoCommune.Length + splits.Count);
        Assert.All(facts.Where(f => splits.Any(q => q.Candidates.Contains(f.Unit))), f => Assert.False(f.Complete, $"{f.Unit} lacks part of a split"));

        // Conservation: every record in exactly one place, and the totals add up.
        Assert.Equal(input.Keys.Order(), placedKeys.Concat(quarantined.Select(q => q.Key)).Order());
        Assert.Equal(input.Values.Sum(), facts.Sum(f => f.Numerator) + quarantined.Sum(q => input[q.Key]));
        Assert.Equal((input.Count, input.Count - quarantined.Count, quarantined.Count), (report.RowsRead, placedKeys.Count, report.Quarantined));
    }
}
