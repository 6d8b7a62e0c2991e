using Dapper;
using Npgsql;
using Pipeline.Core.ReferenceData;

namespace Pipeline.Warehouse.AdminUnits;

/// <summary>
/// Loads a validated <see cref="AdminUnitSet"/> in one transaction: binary COPY of every file into temporary
/// staging tables, then units merged by (era, code) and the other tables replaced. A failure anywhere rolls back
/// everything, so the previously loaded reference data stays as it was.
/// </summary>
public sealed class AdminUnitsLoader(NpgsqlDataSource dataSource)
{
    public async Task<AdminUnitsLoadResult> LoadAsync(AdminUnitSet set, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(SqlResources.Query("AdminUnits/create_admin_unit_staging"), transaction: transaction);

        await StagingCopy.UnitsAsync(connection, set.AllUnits, cancellationToken);
        await StagingCopy.CrosswalkAsync(connection, set.Crosswalk, cancellationToken);
        await StagingCopy.Population2025Async(connection, set.Population2025, cancellationToken);
        await StagingCopy.Census2019Async(connection, set.Census2019, cancellationToken);
        await StagingCopy.TypeChangesAsync(connection, set.TypeChanges, cancellationToken);

        // Children first: a unit that vanished from the files may still have crosswalk edges until they are replaced.
        await connection.ExecuteAsync(SqlResources.Query("AdminUnits/clear_admin_unit_children"), transaction: transaction);
        var units = await connection.QuerySingleAsync<UnitChanges>(SqlResources.Query("AdminUnits/merge_admin_units"), transaction: transaction);
        var rows = await connection.QuerySingleAsync<ChildRows>(SqlResources.Query("AdminUnits/insert_admin_unit_children"), transaction: transaction);
        await transaction.CommitAsync(cancellationToken);
        return new AdminUnitsLoadResult(
            units.UnitsInserted, units.UnitsUpdated, units.UnitsDeleted,
            rows.CrosswalkEdges, rows.Population2025Rows, rows.Census2019Rows, rows.TypeChanges);
    }

    private sealed record UnitChanges(long UnitsInserted, long UnitsUpdated, long UnitsDeleted);

    private sealed record ChildRows(long CrosswalkEdges, long Population2025Rows, long Census2019Rows, long TypeChanges);
}

/// <summary>What a load changed: units inserted, updated (a name or type changed) and deleted; rows in the replaced tables.</summary>
public sealed record AdminUnitsLoadResult(
    long UnitsInserted,
    long UnitsUpdated,
    long UnitsDeleted,
    long CrosswalkEdges,
    long Population2025Rows,
    long Census2019Rows,
    long TypeChanges);
