using Dapper;
using Npgsql;
using Pipeline.Core.Evaluation;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Warehouse.Levels;
using Pipeline.Warehouse.Roles;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Facts;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Reliability;

/// <summary>
/// Reliability scenario 12: "a province-A analyst sees 0 rows of province B." Facts of both eras, criterion values,
/// levels and coverage are stored for Quảng Ngãi (51, A) and Hà Nội (01, B); an analyst role limited to 51 then reads
/// every relation it can read at all (found in the catalogue, so a view added later is checked too). Each one with
/// unit data shows it rows of its own provinces and none of another; only reference data may show every province.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class ProvinceScopeTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    /// <summary>Readable by every analyst in full: the map and census are public, a load run names no unit.</summary>
    private static readonly string[] ReferenceData =
        ["analytics.admin_units", "analytics.commune_crosswalk", "analytics.population_2019_census", "analytics.load_runs"];

    private readonly string _role = $"analyst_a_{Guid.NewGuid():N}"[..30];

    private NpgsqlDataSource Db => loaded.DataSource;

    public async Task InitializeAsync()
    {
        await loaded.LoadIntoAsync(server);
        await using var connection = await Db.OpenConnectionAsync();
        await connection.ExecuteAsync($"create role {_role} nologin in role pipeline_analyst");
    }

    public async Task DisposeAsync()
    {
        await using var connection = await Db.OpenConnectionAsync();
        await connection.ExecuteAsync("delete from ref.analyst_scope where role_name = @role", new { role = _role });
        await connection.ExecuteAsync($"drop role {_role}");
    }

    [Fact]
    public async Task AnAnalystOfProvinceA_SeesNoRowOfProvinceB_InAnyRelationItCanRead()
    {
        await StoreBothProvincesAsync();
        var visible = await new AnalystScopes(Db, TimeProvider.System).RestrictAsync(_role, "51", "test", default);
        await using var connection = await Db.OpenConnectionAsync();
        var provinceOf = (await connection.QueryAsync<(short Era, string Code, string Province)>(
            "select era, code, province_code from ref.admin_unit")).ToDictionary(u => (u.Era, u.Code), u => u.Province);
        var relations = (await connection.QueryAsync<string>(
            """
            select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where c.relkind in ('r', 'v', 'm', 'p', 'f') and n.nspname not in ('pg_catalog', 'information_schema')
               and has_table_privilege(@role, c.oid, 'select')
             order by 1
            """,
            new { role = _role })).ToList();

        Assert.Contains("analytics.levels", relations);
        var checkedViews = new List<string>();
        foreach (var relation in relations.Except(ReferenceData))
        {
            var columns = (await connection.QueryAsync<string>(
                "select attname from pg_attribute where attrelid = @relation::regclass and attnum > 0 and not attisdropped",
                new { relation })).ToHashSet();
            var key = columns.Contains("province_code") ? "province_code" : columns.Contains("unit_code") ? "unit_code" : null;
            Assert.True(key is not null, $"{relation} is readable by analysts but has neither province_code nor unit_code: list it as reference data or scope it");
            var era = columns.Contains("era") ? "era" : "2025::smallint";
            // Coverage crosses every commune with every criterion of every evaluated year: read the year stored.
            var year = relation.EndsWith("coverage_qd2361", StringComparison.Ordinal) ? " where year = 2025" : "";
            var sql = $"select distinct {era} as era, {key} as key from {relation}{year}";

            var all = await RowsAsync(connection, sql, asRole: null);
            var seen = await RowsAsync(connection, sql, asRole: _role);


            string Province((short Era, string Key) row) => key == "province_code" ? row.Key : provinceOf[(row.Era, row.Key)];
            Assert.True(all.Any(r => !visible.Contains((r.Era, Province(r)))), $"{relation}: the test stored no row of province B in it");
            Assert.True(seen.Count > 0, $"{relation}: the analyst of province A sees none of its own rows");
            Assert.All(seen, r => Assert.True(visible.Contains((r.Era, Province(r))), $"{relation}: shows {r.Key} (era {r.Era}, province {Province(r)})"));
            checkedViews.Add(relation);
        }

        Assert.True(checkedViews.Count >= 10, string.Join(", ", checkedViews));
    }

    private static async Task<List<(short Era, string Key)>> RowsAsync(NpgsqlConnection connection, string sql, string? asRole)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        if (asRole is not null)
        {
            await connection.ExecuteAsync($"set local role {asRole}", transaction: transaction);
        }

        var rows = (await connection.QueryAsync<(short, string)>(sql, transaction: transaction, commandTimeout: 120)).ToList();
        await transaction.RollbackAsync();
        return rows;
    }

    /// <summary>
    /// Per province, two communes: 2025 facts (a month), 2024-coded facts before the reform (a quarter, rebased onto
    /// 2025 communes), their criterion values, and levels of the 2025 communes, as the nightly job would store them.
    /// </summary>
    private async Task StoreBothProvincesAsync()
    {
        // Quảng Ngãi: 2025 21025 and 21028; 2024 21283 and 21238. Hà Nội: 2025 00004 and 00008; 2024 00382, 00397, 00415.
        var month = FactsFromRecords.CodeSource("scope_2025");
        await FactsFromRecords.PullAsync(Db, month, Period.Month(2025, 10), Fibre("21025"), Fibre("21028"), Fibre("00004"), Fibre("00008"));
        Assert.Equal(4, (await FactsFromRecords.LoadAsync(Db, month, Period.Month(2025, 10))).Inserted);
        var quarter = new SourceDescriptor("scope_2024", "scope_2024", new UnitKeying(UnitKeyKind.Code, Era.Y2024, "2024 codes"), PeriodKind.Quarter, ["s"]);
        await FactsFromRecords.PullAsync(Db, quarter, Period.Parse("2024-Q4"), Fibre("21283"), Fibre("21238"), Fibre("00382"), Fibre("00397"), Fibre("00415"));
        Assert.Equal(5, (await FactsFromRecords.LoadAsync(Db, quarter, Period.Parse("2024-Q4"))).Inserted);

        var framework = (LevelFramework)FrameworkCatalog.Load("qd2361");
        await new FrameworkCriteria(Db).SyncAsync(framework, default);
        await new LevelStore(Db, TimeProvider.System).SaveAsync(
            "qd2361", Era.Y2025, 2025, [new StoredLevel("21025", 0, 1, [], ["X.CQS.03"]), new StoredLevel("00004", 0, 1, [], ["X.CQS.03"])], default);
        await new LevelStore(Db, TimeProvider.System).SaveAsync(
            "qd2361", Era.Y2024, 2024, [new StoredLevel("21283", 0, 1, [], []), new StoredLevel("00382", 0, 1, [], [])], default);

        // As autovacuum would by now: without statistics the coverage view plans as if every table were empty.
        await using var connection = await Db.OpenConnectionAsync();
        await connection.ExecuteAsync("analyze ref.admin_unit, ref.crosswalk, fact.value, fact.level, fact.framework_criterion, fact.reconciliation");
    }

    private static SourceRecord Fibre(string code) => FactsFromRecords.Record(code, 60, 100);
}
