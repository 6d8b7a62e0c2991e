using Pipeline.Core.Input;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Tests.Support;
using Pipeline.Warehouse.AdminUnits;
using Pipeline.Warehouse.Migrations;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.AdminUnits;

/// <summary>A corrupted copy of a units file is refused with file and line, and what was loaded before stays intact.</summary>
[Collection(WarehouseCollection.Name)]
public sealed class RefusedLoadTests(PostgresServer server)
{
    public static TheoryData<string> Corruptions => ["bad code", "missing parent", "wrong header"];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task Load_OfACorruptedCopy_IsRefused_AndTheLoadedUnitsAreUntouched(string corruption)
    {
        await using var db = await server.CreateDatabaseAsync("refused");
        await new Migrator(db, TimeProvider.System).MigrateAsync();
        await new AdminUnitsLoader(db).LoadAsync(AdminUnitFiles.Read(AdminUnitsCopy.Original));
        await using var connection = await db.OpenConnectionAsync();
        var before = await TableChecksum.OfAsync(connection, "ref.admin_unit") + await TableChecksum.OfAsync(connection, "ref.crosswalk");

        using var copy = new AdminUnitsCopy();
        var (file, line) = Corrupt(copy, corruption);
        var error = Assert.Throws<BadInputException>(() => AdminUnitFiles.Read(copy.Directory));

        Assert.Contains(error.Problems, p => p.File == file && p.Line == line);
        Assert.Equal(before, await TableChecksum.OfAsync(connection, "ref.admin_unit") + await TableChecksum.OfAsync(connection, "ref.crosswalk"));
    }

    [Fact]
    public async Task Load_ThatFailsInsideTheDatabase_RollsBackEverything()
    {
        await using var db = await server.CreateDatabaseAsync("rollback");
        await new Migrator(db, TimeProvider.System).MigrateAsync();
        var good = AdminUnitFiles.Read(AdminUnitsCopy.Original);
        await new AdminUnitsLoader(db).LoadAsync(good);
        await using var connection = await db.OpenConnectionAsync();
        var before = await TableChecksum.OfAsync(connection, "ref.admin_unit") + await TableChecksum.OfAsync(connection, "ref.crosswalk");

        // A set that passed no validation: one crosswalk edge points at a 2025 commune that does not exist, which
        // only the deferred foreign key catches, at commit, after every table was already rewritten.
        var broken = good with { Crosswalk = [.. good.Crosswalk.Skip(1), good.Crosswalk[0] with { NewCommuneCode = "99999" }] };
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => new AdminUnitsLoader(db).LoadAsync(broken));

        Assert.Equal(before, await TableChecksum.OfAsync(connection, "ref.admin_unit") + await TableChecksum.OfAsync(connection, "ref.crosswalk"));
    }

    private static (string File, long Line) Corrupt(AdminUnitsCopy copy, string corruption)
    {
        switch (corruption)
        {
            case "bad code":
            {
                var line = copy.LineOf(AdminUnitFiles.Units2025, "00004");
                copy.ReplaceLine(AdminUnitFiles.Units2025, line, l => "4" + l[5..]);
                return (AdminUnitFiles.Units2025, line);
            }

            case "missing parent":
            {
                var line = copy.LineOf(AdminUnitFiles.Units2024, "07486");
                copy.ReplaceLine(AdminUnitFiles.Units2024, line, l => l.Replace(",218,24,218,", ",998,24,998,", StringComparison.Ordinal));
                return (AdminUnitFiles.Units2024, line);
            }

            default:
                copy.ReplaceLine(AdminUnitFiles.Crosswalk, 1, h => h.Replace("primary_target", "primary", StringComparison.Ordinal));
                return (AdminUnitFiles.Crosswalk, 1);
        }
    }
}
