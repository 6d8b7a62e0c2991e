using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Intake;
using Pipeline.Warehouse.Intake;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Facts;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Reports;

/// <summary>
/// One migrated database with the admin units, <see cref="SampleLevels"/> and a single fact from a simulated pull in
/// 2025-11 (so 2025 counts as possibly SIMULATED and 2024 does not), shared by the report tests of a class.
/// </summary>
public sealed class ReportedLevels : IAsyncLifetime
{
    private readonly LoadedUnits _units = new();
    private bool _seeded;

    public NpgsqlDataSource DataSource => _units.DataSource;

    public async Task SeedAsync(PostgresServer server)
    {
        if (_seeded)
        {
            return;
        }

        await _units.LoadIntoAsync(server);
        await SampleLevels.StoreAsync(DataSource);
        var source = FactsFromRecords.CodeSource("report_simulated");
        var november = Period.Month(2025, 11);
        var pull = await new IntakeRunner(new PostgresIntakeStore(DataSource, TimeProvider.System, simulated: true))
            .RunAsync(new FixedIntake(source, FactsFromRecords.Record("00004", 10, 20)), november, default);
        Assert.Equal("succeeded", pull.Status);
        Assert.Equal(1, (await FactsFromRecords.LoadAsync(DataSource, source, november)).Inserted);
        _seeded = true;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _units.DisposeAsync();
}
