using Npgsql;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// After a load commits: the unit index's summaries of the pages it wrote, and fresh planner statistics when it
/// changed a good part of fact.value (<see cref="TableStatistics"/>; the merge itself does not depend on statistics:
/// <see cref="FactMergeStatement"/>). Pages written since the last summary are read whole by every read by unit until
/// they are summarised (sql/0014); summarising them reads those pages alone (30 ms for a 132,840-fact period). The
/// columns analysed and the sample are kept small (sql/0014): 0.01-0.03 s.
/// </summary>
internal static class FactStatistics
{
    public static async Task RefreshAfterAsync(NpgsqlConnection connection, int inserted, int revised, int withdrawn, CancellationToken ct)
    {
        if (inserted + revised > 0)
        {
            await TableStatistics.UnlessBusyAsync(connection, SqlResources.Query("Facts/summarise_new_fact_pages"), ct);
        }

        await TableStatistics.RefreshAfterAsync(connection, "fact.value", inserted + revised + withdrawn, ct);
    }
}
