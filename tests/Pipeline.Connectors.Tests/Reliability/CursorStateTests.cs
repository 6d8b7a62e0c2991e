using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Connectors.Emc;
using Pipeline.Connectors.Health;
using Pipeline.Connectors.Portal;
using Pipeline.Connectors.Postal;
using Pipeline.Connectors.Telecom;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Connectors.Vneid;
using Pipeline.Core.Periods;
using Pipeline.Intake;
using Pipeline.Intake.Cursors;
using Pipeline.Intake.Http;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Reliability;

/// <summary>
/// Scenario08_CursorState: "corrupt or future-dated cursor state: the run is refused with a clear message, no silent
/// full reload." No test covered it, and the product read a cursor of JSON null or of the wrong shape as "no cursor"
/// (a full reload) and followed a watermark from the future (asking the source for nothing). Now every connector reads
/// its cursors through <see cref="StoredCursor"/>: such a cursor fails the run before any request, naming the row.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class CursorStateTests(PostgresServer server)
{
    [Theory]
    [InlineData("not json", "is not a VneidCursor")]
    [InlineData("null", "is JSON null")]
    [InlineData("{}", "is not a VneidCursor")]
    [InlineData("""{"Watermark":"2025-12-15T00:00:00+00:00","Pass":null,"Offset":3}""", "is not a VneidCursor")]
    [InlineData("""{"Watermark":"yesterday","Pass":null}""", "Watermark 'yesterday' is not a date")]
    [InlineData("""{"Watermark":"2099-01-01T00:00:00+00:00","Pass":null}""", "it is dated 2099-01-01T00:00:00.0000000+00:00, after now")]
    public async Task StoredCursorCorruptOrFromTheFuture_RefusesTheRun_BeforeAnyRequest_AndChangesNothing(string stored, string why)
    {
        await using var h = await VneidRig.StartAsync(server);
        Assert.Equal("succeeded", (await h.PullAsync(VneidRig.Month)).Status);
        var checksum = await IntakeTables.ChecksumAsync(h.Database, h.Source);
        await using (var connection = await h.Database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update intake.cursor set position = @stored where source = 'vneid'", new { stored });
        }

        h.Simulator.ClearLog();
        var report = await h.PullAsync(VneidRig.Month);

        Assert.Equal("failed", report.Status);
        Assert.StartsWith("CursorStateException: vneid stream 'aggregates' period 2025-10: stored cursor refused, ", report.Error, StringComparison.Ordinal);
        Assert.Contains(why, report.Error, StringComparison.Ordinal);
        Assert.Contains("Correct the row of intake.cursor (source 'vneid', stream 'aggregates', period '2025-10') or delete it", report.Error, StringComparison.Ordinal);
        Assert.Empty(h.Simulator.Requests);
        Assert.Equal(checksum, await IntakeTables.ChecksumAsync(h.Database, h.Source));
        Assert.Equal(stored, await IntakeTables.CursorAsync(h.Database, h.Source, VneidRig.Stream, VneidRig.Month.ToString()));
    }

    [Theory]
    [InlineData("vneid", "aggregates", "2025-10", """{"Watermark":"2099-01-01T00:00:00Z","Pass":null}""", "after now")]
    [InlineData("emc", "dossier-stats", "2025-10", """{"Watermark":null,"Pass":{"Since":null,"Until":"2099-01-01T00:00:00Z","NextPage":2}}""", "after now")]
    [InlineData("health", "statistics", "2025-10", """{"Watermark":"2099-01-01T00:00:00.0000000+00:00","Pass":null}""", "after now")]
    [InlineData("portal", "index766", "2025-10", """{"Watermark":"01/01/2099 00:00:00","Pass":null}""", "after now")]
    [InlineData("portal", "procedures", "2025-10", """{"Watermark":"2025-11-11","Pass":null}""", "Watermark '2025-11-11' is not dd/MM/yyyy HH:mm:ss")]
    [InlineData("postal", "exports", "2025-Q3", """{"Registry":null,"Files":{"2025-Q3_10.csv":{"Sha256":"ab","Modified":"2099-01-01T00:00:00+00:00"}}}""", "after now")]
    [InlineData("postal", "exports", "2025-Q3", """{"Files":{}}""", "is not a PostalCursor")]
    [InlineData("telecom", "operator-b", "2025-Q3", """{"Landed":null}""", "is not a TelecomCursor")]
    [InlineData("telecom", "operator-c", "2025-Q3", "[]", "is not a TelecomCursor")]
    public async Task EveryConnector_RefusesACursorItCannotTrust_BeforeItsFirstRequest(string source, string stream, string period, string stored, string why)
    {
        // Nothing listens on the discard port: a request would fail with an HTTP error, not a cursor refusal.
        await using var services = Connectors(new Uri("http://127.0.0.1:9/"));
        var connector = services.GetServices<ISourceConnector>().Single(c => c.Source.Name == source);
        var session = new MemorySession(connector.Source, Period.Parse(period), new Dictionary<string, string> { [stream] = stored });

        var error = await Assert.ThrowsAsync<CursorStateException>(() => connector.PullAsync(session, CancellationToken.None));

        Assert.StartsWith($"{source} stream '{stream}' period {period}: stored cursor refused, ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Empty(session.Pages);
        Assert.Empty(session.References);
        Assert.Equal(stored, session.Cursors[stream]);
    }

    [Fact]
    public void DateWithinTheAllowedSkew_IsNotFromTheFuture()
    {
        var session = new MemorySession(VneidConnector.Descriptor, Period.Month(2025, 10), new Dictionary<string, string>
        {
            ["aggregates"] = $$"""{"Watermark":"{{TimeProvider.System.GetUtcNow().AddHours(1):O}}","Pass":null}""",
        });

        var read = StoredCursor.ReadAsync(session, "aggregates", TimeProvider.System, new Probe(null, null), CancellationToken.None);

        Assert.True(read.IsCompletedSuccessfully, read.Exception?.Message);
    }

    private static ServiceProvider Connectors(Uri dead)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(SharedData.Units);
        services.AddSourceConnector<IVneidApi, VneidConnector, VneidOptions>(o => (o.Http.BaseAddress, o.ApiToken) = (dead, "t"), o => o.Http);
        services.AddSourceConnector<IEmcApi, EmcConnector, EmcOptions>(o => (o.Http.BaseAddress, o.ApiKey) = (dead, "k"), o => o.Http);
        services.AddSourceConnector<IHealthApi, HealthConnector, HealthOptions>(o => (o.Http.BaseAddress, o.ApiToken) = (dead, "t"), o => o.Http);
        services.AddSourceConnector<IPortalApi, PortalConnector, PortalOptions>(o => o.Http.BaseAddress = dead, o => o.Http);
        services.AddSourceConnector<IPostalApi, PostalConnector, PostalOptions>(o => (o.Http.BaseAddress, o.ApiKey) = (dead, "k"), o => o.Http);
        services.AddSourceConnector<ITelecomApi, TelecomConnector, TelecomOptions>(o => (o.Http.BaseAddress, o.Username, o.Password) = (dead, "u", "p"), o => o.Http);
        return services.BuildServiceProvider();
    }

    /// <summary>A cursor shaped like the JSON sources' (a watermark), to test the skew rule on its own.</summary>
    private sealed record Probe(string? Watermark, object? Pass) : IStreamCursor
    {
        public IEnumerable<DateTimeOffset> Dates() => Watermark is null ? [] : [StoredCursor.Date("Watermark", Watermark)];
    }
}
