using System.Text;
using Dapper;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Warehouse.Intake;
using Pipeline.Warehouse.Migrations;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Intake;

/// <summary>The landing store on its own, with a connector that commits fixed pages.</summary>
[Collection(WarehouseCollection.Name)]
public sealed class IntakeStoreTests(PostgresServer server)
{
    private static readonly SourceDescriptor Source = new("fixed", "fixed pages", new UnitKeying(UnitKeyKind.Code, Era.Y2025, "codes"), PeriodKind.Month, ["s"]);

    [Fact]
    public async Task SamePayloadTwice_IsLandedOnce_AndChangesNothing()
    {
        var db = await DatabaseAsync();
        var store = new PostgresIntakeStore(db, TimeProvider.System);
        var connector = new FixedPages(Page("00004", 10));

        var first = await new IntakeRunner(store).RunAsync(connector, Period.Month(2025, 10), default);
        var checksum = await IntakeTables.ChecksumAsync(db, "fixed");
        var second = await new IntakeRunner(store).RunAsync(connector, Period.Month(2025, 10), default);

        Assert.Equal((1, 0, 1), (first.PagesLanded, first.PagesUnchanged, first.RecordsInserted));
        Assert.Equal((0, 1, 0, 0), (second.PagesLanded, second.PagesUnchanged, second.RecordsInserted, second.RecordsRevised));
        Assert.Equal(checksum, await IntakeTables.ChecksumAsync(db, "fixed"));
    }

    [Fact]
    public async Task ChangedValue_IsRevised_AndThePreviousValueKept()
    {
        var db = await DatabaseAsync();
        var runner = new IntakeRunner(new PostgresIntakeStore(db, TimeProvider.System));
        await runner.RunAsync(new FixedPages(Page("00004", 10), Page("00007", 5)), Period.Month(2025, 10), default);

        var report = await runner.RunAsync(new FixedPages(Page("00004", 12)), Period.Month(2025, 10), default);

        Assert.Equal((1, 0), (report.RecordsRevised, report.RecordsInserted));
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(12m, await connection.ExecuteScalarAsync<decimal>("select numerator from intake.record where unit_key = '00004'"));
        Assert.Equal((10m, 1), await connection.QuerySingleAsync<(decimal, int)>("select numerator, revision from intake.record_revision where unit_key = '00004'"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("select revision from intake.record where unit_key = '00004'"));
    }

    [Fact]
    public async Task ConcurrentRunsOfTheSamePull_AreSerialised_AndTheSecondChangesNothing()
    {
        var db = await DatabaseAsync();
        var runner = new IntakeRunner(new PostgresIntakeStore(db, TimeProvider.System));
        var pages = Enumerable.Range(1, 20).Select(i => Page($"{i:D5}", i)).ToArray();

        var reports = await Task.WhenAll(
            runner.RunAsync(new FixedPages(pages), Period.Month(2025, 10), default),
            runner.RunAsync(new FixedPages(pages), Period.Month(2025, 10), default));

        Assert.All(reports, r => Assert.Equal("succeeded", r.Status));
        Assert.Equal(20, reports.Sum(r => r.RecordsInserted));
        Assert.Equal(20, reports.Sum(r => r.PagesUnchanged));
        Assert.Equal(20, await IntakeTables.RecordsAsync(db, "fixed"));
    }

    [Fact]
    public async Task ARunLeftRunning_ByAKilledProcess_IsMarkedAbandoned_ByTheNextRun()
    {
        var db = await DatabaseAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("insert into intake.run (source, period, started_at, status) values ('fixed', '2025-10', now(), 'running')");
        }

        await new IntakeRunner(new PostgresIntakeStore(db, TimeProvider.System)).RunAsync(new FixedPages(Page("00004", 1)), Period.Month(2025, 10), default);

        await using var check = await db.OpenConnectionAsync();
        var statuses = (await check.QueryAsync<(string, string?)>("select status, error from intake.run order by run_id")).ToList();
        Assert.Equal("failed", statuses[0].Item1);
        Assert.StartsWith("abandoned", statuses[0].Item2, StringComparison.Ordinal);
        Assert.Equal("succeeded", statuses[1].Item1);
    }

    [Fact]
    public async Task AConnectorThatThrows_FailsTheRun_KeepingPagesAlreadyCommitted()
    {
        var db = await DatabaseAsync();
        var report = await new IntakeRunner(new PostgresIntakeStore(db, TimeProvider.System))
            .RunAsync(new FixedPages(Page("00004", 1)) { ThrowAfter = "source went away" }, Period.Month(2025, 10), default);

        Assert.Equal("failed", report.Status);
        Assert.Contains("source went away", report.Error, StringComparison.Ordinal);
        Assert.Equal(1, report.RecordsInserted);
        Assert.Equal(1, await IntakeTables.RecordsAsync(db, "fixed"));
    }

    [Fact]
    public async Task APeriodOfTheWrongCadence_IsRefused()
    {
        var db = await DatabaseAsync();
        var runner = new IntakeRunner(new PostgresIntakeStore(db, TimeProvider.System));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(new FixedPages(), Period.Parse("2025-Q3"), default));

        Assert.Contains("'2025-Q3'", error.Message, StringComparison.Ordinal);
    }

    private async Task<Npgsql.NpgsqlDataSource> DatabaseAsync()
    {
        var db = await server.CreateDatabaseAsync("intake");
        await new Migrator(db, TimeProvider.System).MigrateAsync();
        return db;
    }

    private static (string Code, int Value) Page(string code, int value) => (code, value);

    /// <summary>A connector that commits one page per (code, value), one record each, with a page counter as cursor.</summary>
    private sealed class FixedPages(params (string Code, int Value)[] pages) : ISourceConnector
    {
        public string? ThrowAfter { get; init; }

        public SourceDescriptor Source => IntakeStoreTests.Source;

        public async Task PullAsync(IIntakeSession session, CancellationToken cancellationToken)
        {
            // Every run starts over (no watermark): identical pages must be recognised by their bytes.
            for (var i = 0; i < pages.Length; i++)
            {
                var (code, value) = pages[i];
                var body = Encoding.UTF8.GetBytes($"{code}={value}");
                var record = new SourceRecord(new UnitKey(UnitKeyKind.Code, code), "people", session.Period.ToString(), value, null, null, ValueUnit.Count, "line 1");
                await session.CommitPageAsync(
                    new LandedPage(new FetchedPayload("s", $"page {i}", "text/plain", body, TimeProvider.System.GetUtcNow()), [record], [], $"{i + 1}"),
                    cancellationToken);
            }

            if (ThrowAfter is { } message)
            {
                throw new HttpRequestException(message);
            }
        }
    }
}
