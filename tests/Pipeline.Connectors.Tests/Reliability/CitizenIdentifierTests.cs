using Dapper;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Simulators.Faults;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Reliability;

/// <summary>
/// Scenario11_CitizenIdentifier: "a payload with a citizen identifier (e.g. a 12-digit CCCD number): rejected whole,
/// nothing stored." The conformance suite (<c>CitizenIdentifier_RejectsThePayloadWhole_AndStoresNothingOfIt</c>, all six
/// sources) checks the failed run, one rejection, the number absent from the payloads and one page landed. This adds:
/// the number appears in no intake table at all (quarantine raw text, reasons, run error, cursor included), none of the
/// refused page's rows was stored or quarantined, the refusal row says where the identifier was and holds no content,
/// and the cursor stays before the refused page, so the next run asks for it again.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class CitizenIdentifierTests(PostgresServer server)
{
    private const string Cccd = "001099012345";

    [Fact]
    public async Task PageCarryingACccdNumber_IsRefusedWhole_AndTheNumberIsStoredNowhere()
    {
        await using var h = await VneidRig.StartAsync(server);
        h.Simulator.Faults.Add(new FaultRule(FaultKind.CitizenIdentifier, VneidRig.Endpoint, VneidRig.SecondPage));

        var report = await h.PullAsync(VneidRig.Month);

        Assert.Equal("failed", report.Status);
        Assert.Contains("PersonalDataRejectedException", report.Error, StringComparison.Ordinal);
        Assert.Equal(0, await IntakeTables.RowsMentioningAsync(h.Database, Cccd));
        Assert.Equal(1000 * VneidRig.RecordsPerUnit, await IntakeTables.RecordsAsync(h.Database, h.Source));
        Assert.Equal(1, await IntakeTables.PayloadsAsync(h.Database, h.Source, VneidRig.Stream));
        Assert.Equal(0, report.Quarantined);
        Assert.Contains(VneidRig.SecondPage["cursor"], await IntakeTables.CursorAsync(h.Database, h.Source, VneidRig.Stream, VneidRig.Month.ToString()));

        await using var connection = await h.Database.OpenConnectionAsync();
        var (stream, request, size, reason) = await connection.QuerySingleAsync<(string, string, int, string)>(
            "select stream, request, size_bytes, reason from intake.rejected_payload where source = 'vneid'");
        Assert.Equal(VneidRig.Stream, stream);
        Assert.Contains($"cursor={VneidRig.SecondPage["cursor"]}", request, StringComparison.Ordinal);
        Assert.True(size > 0);
        Assert.Equal("field $.items[0].so_cccd is a personal identifier", reason);
    }
}
