using System.Text;
using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Warehouse.Intake;
using Pipeline.Warehouse.Reconciliation;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Facts;
using Pipeline.Warehouse.Tests.Support;
using static Pipeline.Warehouse.Tests.Facts.FactsFromRecords;

namespace Pipeline.Warehouse.Tests.Reconciliation;

/// <summary>
/// Measures of kind `parts` (sql/0015) on a real PostgreSQL: streams that each count their own share of a total are
/// combined into an interval in internal.resolved_values, never compared. Each test has its own source of three
/// streams and its own measure, as a province would add them, so tests sharing the database never meet.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class PartsMeasureTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    private static readonly Period November = Period.Month(2025, 11);

    private NpgsqlDataSource Db => loaded.DataSource;

    public Task InitializeAsync() => loaded.LoadIntoAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Parts_AreCombinedIntoAnInterval_WithEveryPartInTheLineage_AndNeverCompared()
    {
        var (source, measure) = await PartsMeasureAsync("combine");
        await LoadAsync(source, ("a", [Record("00004", 40, 100)]), ("b", [Record("00004", 30, 100)]), ("c", [Record("00004", 20, 100)]));

        var detection = await new ConflictDetection(Db, TimeProvider.System).RunAsync(source.Name, November.ToString(), default);

        // Not a conflict: detection takes no parts measure, and writes no comparison.
        Assert.Empty(detection.Measures);
        Assert.Equal(0, await CountAsync("select count(*) from fact.reconciliation where measure = @measure", measure));
        var row = await ResolvedAsync(measure, "00004");
        // Low: the largest part (full overlap). High: the sum, under the denominator (no overlap). Point: the union of
        // independent shares, 100 x (1 - 0.6 x 0.7 x 0.8) = 66.4.
        Assert.Equal(("combined_parts", 40m, 90m, 66.4m, 100m, 3), (row.Origin, row.Low, row.High, row.Numerator, row.Denominator, row.Parts));
    }

    [Fact]
    public async Task APartMissingForAUnit_CountsZeroWhenItsStreamReportedThePeriod_AndLeavesTheHighBoundOpenWhenItDidNot()
    {
        var (source, measure) = await PartsMeasureAsync("missing");
        // Stream c (like operator-c, about 60% of communes) has not reported the period at all.
        await LoadAsync(source, ("a", [Record("00004", 40, 100), Record("00025", 50, 100)]), ("b", [Record("00004", 30, 100)]));

        var open = await ResolvedAsync(measure, "00004");

        // High is then the denominator: c's share could be anything.
        Assert.Equal(("parts_incomplete", 40m, 100m), (open.Origin, open.Low, open.High));

        // c reports the period, for 00025 only: its network does not reach 00004, which it now counts as 0.
        await LoadAsync(source, ("a", [Record("00004", 40, 100), Record("00025", 50, 100)]), ("b", [Record("00004", 30, 100)]), ("c", [Record("00025", 10, 100)]));

        var closed = await ResolvedAsync(measure, "00004");
        Assert.Equal(("combined_parts", 40m, 70m, 2), (closed.Origin, closed.Low, closed.High, closed.Parts));
        var other = await ResolvedAsync(measure, "00025");
        Assert.Equal(("combined_parts", 50m, 60m), (other.Origin, other.Low, other.High));
    }

    [Fact]
    public async Task ADeduplicatedTotal_WinsOverTheCombinedParts()
    {
        var (source, measure) = await PartsMeasureAsync("total");
        var registry = CodeSource("pm_total_registry");
        await using (var connection = await Db.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "insert into fact.measure_member (source, indicator, measure, role) values (@source, 'households_fibre', @measure, 'total')",
                new { source = registry.Name, measure });
        }

        await LoadAsync(source, ("a", [Record("00004", 40, 100), Record("00025", 50, 100)]), ("b", [Record("00004", 30, 100)]), ("c", [Record("00025", 10, 100)]));
        await PullAsync(Db, registry, November, Record("00004", 55, 100));
        Assert.Equal("succeeded", (await FactsFromRecords.LoadAsync(Db, registry, November)).Status);

        await using var check = await Db.OpenConnectionAsync();
        var rows = (await check.QueryAsync<(string Origin, string Source, decimal Numerator)>(
            "select origin, source, numerator from internal.resolved_values where measure = @measure and unit_code = '00004'", new { measure })).ToList();
        Assert.Equal([("single_source", registry.Name, 55m)], rows);
        // Where the de-duplicated count has no value, the parts still count.
        Assert.Equal("combined_parts", (await ResolvedAsync(measure, "00025")).Origin);
    }

    private async Task<(SourceDescriptor Source, string Measure)> PartsMeasureAsync(string test)
    {
        var source = new SourceDescriptor($"pm_{test}", "three operators", new UnitKeying(UnitKeyKind.Code, Era.Y2025, "2025 codes"), PeriodKind.Month, ["a", "b", "c"]);
        var measure = $"pm_{test}";
        await using var connection = await Db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into fact.measure (measure, title, absolute_tolerance, relative_tolerance, policy, kind, point_rule, note)
            values (@measure, 'test parts measure', 0, 0, 'largest', 'parts', 'independent_union', 'test');
            insert into fact.measure_member (source, indicator, measure, role, parts) values (@source, 'households_fibre', @measure, 'part', '{a,b,c}');
            """,
            new { measure, source = source.Name });
        return (source, measure);
    }

    private async Task LoadAsync(SourceDescriptor source, params (string Stream, SourceRecord[] Records)[] streams)
    {
        var report = await new IntakeRunner(new PostgresIntakeStore(Db, TimeProvider.System)).RunAsync(new StreamPages(source, streams), November, default);
        Assert.Equal("succeeded", report.Status);
        Assert.Equal("succeeded", (await FactsFromRecords.LoadAsync(Db, source, November)).Status);
    }

    private async Task<(string Origin, decimal? Low, decimal? High, decimal? Numerator, decimal? Denominator, int Parts)> ResolvedAsync(string measure, string unit)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(string, decimal?, decimal?, decimal?, decimal?, int)>(
            "select origin, low, high, numerator, denominator, jsonb_array_length(parts) from internal.resolved_values where measure = @measure and unit_code = @unit",
            new { measure, unit });
    }

    private async Task<long> CountAsync(string sql, string measure)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { measure });
    }

    /// <summary>Lands one page per stream, as the telecom connector lands one file per operator.</summary>
    private sealed class StreamPages(SourceDescriptor source, (string Stream, SourceRecord[] Records)[] streams) : ISourceConnector
    {
        public SourceDescriptor Source => source;

        public async Task PullAsync(IIntakeSession session, CancellationToken cancellationToken)
        {
            foreach (var (stream, records) in streams)
            {
                var body = Encoding.UTF8.GetBytes(stream + ":" + string.Join('\n', records.Select(r => r.ToString())));
                await session.CommitPageAsync(
                    new LandedPage(
                        new FetchedPayload(stream, $"{stream} page", "text/plain", body, TimeProvider.System.GetUtcNow()),
                        [.. records.Select(r => r with { Period = session.Period.ToString() })],
                        [],
                        "done"),
                    cancellationToken);
            }
        }
    }
}
