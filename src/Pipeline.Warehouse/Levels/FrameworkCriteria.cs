using Dapper;
using Npgsql;
using Pipeline.Core.Evaluation;

namespace Pipeline.Warehouse.Levels;

/// <summary>
/// Copies a levels framework's criteria (the framework file stays the source) into <c>fact.framework_criterion</c>,
/// so views can count the criteria nobody gave a value for (coverage). Run before storing an evaluation.
/// </summary>
public sealed class FrameworkCriteria(NpgsqlDataSource dataSource)
{
    public async Task SyncAsync(LevelFramework framework, CancellationToken ct)
    {
        var criteria = framework.Criteria;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlResources.Query("Levels/sync_framework_criteria"),
            new
            {
                framework = framework.Info.Id,
                codes = criteria.Select(c => c.Code).ToArray(),
                positions = criteria.Select(c => c.Index).ToArray(),
                scopes = criteria.Select(c => c.Scope == CriterionScope.Commune ? "commune" : "district").ToArray(),
                groups = criteria.Select(c => c.Group).ToArray(),
                names = criteria.Select(c => c.Name).ToArray(),
                units = criteria.Select(c => c.Unit).ToArray(),
                measures = criteria.Select(c => c.Measure.ToString()).ToArray(),
            },
            cancellationToken: ct));
    }
}
