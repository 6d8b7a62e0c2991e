using Pipeline.Connectors.Postal;
using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Core.Periods;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Postal;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Reliability;

/// <summary>
/// Scenario05_SchemaDrift: "schema drift (renamed column, unknown criterion/indicator code): the run fails with a clear
/// message; no silent nulls." The conformance suite (<c>RenamedColumn_FailsTheRunNamingTheColumn_AndStoresNothingOfThatPage</c>,
/// all six sources) checks the failure, "_v2" in the error and one page landed; an unknown column in a file is
/// <c>TelecomContractTests.HeaderDrift_FailsNamingTheColumn</c> ("column 'ghi_chu' is not in the contract"). This
/// adds, for a JSON and a CSV source: the message names the documented field and what came instead, no record was
/// stored without its value, nothing of the drifted page is stored, and the cursor stays before it.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class SchemaDriftTests(PostgresServer server)
{
    [Fact]
    public async Task RenamedJsonField_FailsNamingTheFieldAndItsNewName_WithNoNullsAndTheCursorBeforeThePage()
    {
        await using var h = await VneidRig.StartAsync(server);
        h.Simulator.Faults.Add(new FaultRule(FaultKind.RenamedColumn, VneidRig.Endpoint, VneidRig.SecondPage));

        var report = await h.PullAsync(VneidRig.Month);

        Assert.Equal("failed", report.Status);
        Assert.Contains("SourceFormatException: VNeID item items[0] has no field 'tk_dinh_danh_muc_2'", report.Error, StringComparison.Ordinal);
        Assert.Contains("tk_dinh_danh_muc_2_v2", report.Error, StringComparison.Ordinal);
        Assert.Equal(0, await IntakeTables.EmptyRecordsAsync(h.Database, h.Source));
        Assert.Equal(1000 * VneidRig.RecordsPerUnit, await IntakeTables.RecordsAsync(h.Database, h.Source));
        Assert.Equal(1, await IntakeTables.PayloadsAsync(h.Database, h.Source, VneidRig.Stream));
        Assert.Contains(VneidRig.SecondPage["cursor"], await IntakeTables.CursorAsync(h.Database, h.Source, VneidRig.Stream, VneidRig.Month.ToString()));
    }

    [Fact]
    public async Task RenamedCsvColumn_FailsNamingTheColumnAndTheHeaderReceived_WithNoNullsAndTheFileNotInTheCursor()
    {
        await using var h = await SourceHarness.StartAsync(server, new PostalSimulator(SharedData.Simulation, new SimulationClock()), (services, url) =>
            services.AddSourceConnector<IPostalApi, PostalConnector, PostalOptions>(o =>
            {
                o.Http.BaseAddress = url;
                SourceHarness.Fast(o.Http);
                o.ApiKey = PostalSimulator.ApiKey;
            }, o => o.Http));
        h.Simulator.Faults.Add(new FaultRule(
            FaultKind.RenamedColumn, "export-file", new Dictionary<string, string> { ["period"] = "2025-Q3", ["file"] = "2025-Q3_12.csv" }));

        var report = await h.PullAsync(Period.Parse("2025-Q3"));

        Assert.Equal("failed", report.Status);
        Assert.Matches(@"postal export file 2025-Q3_12\.csv: column .*'households'.* missing; header now: .*,households_v2$", report.Error);
        Assert.Equal(0, await IntakeTables.EmptyRecordsAsync(h.Database, h.Source));
        Assert.Equal(1, report.PagesLanded);
        Assert.Equal(1, await IntakeTables.PayloadsAsync(h.Database, h.Source, PostalConnector.Stream));
        Assert.DoesNotContain("2025-Q3_12.csv", await IntakeTables.CursorAsync(h.Database, h.Source, PostalConnector.Stream, "2025-Q3"), StringComparison.Ordinal);
    }
}
