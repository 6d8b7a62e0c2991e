using Npgsql;
using Pipeline.Core.Input;
using Pipeline.Core.Units;
using Pipeline.Host.Security;
using Pipeline.Warehouse.Levels;
using Pipeline.Warehouse.Reports;

namespace Pipeline.Host.Reports;

/// <summary>
/// The level report as JSON: <c>GET /api/reports/levels?framework=qd2361&amp;era=2025&amp;year=2025</c>, every
/// parameter optional (the nightly job's framework, the 2025 map, the latest year evaluated on it). The same
/// <see cref="LevelReportBuilder"/> writes the command line's files. A bad framework or map answers 400 with the
/// reason; a map with no stored level 404.
/// </summary>
public static class ReportEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet("/api/reports/levels", LevelsAsync).RequireAuthorization(Policies.ReadReports);

    private static async Task<IResult> LevelsAsync(NpgsqlDataSource warehouse, string? framework, short? era, int? year, CancellationToken ct)
    {
        if (era is not null and not ((short)Era.Y2024 or (short)Era.Y2025))
        {
            return Results.BadRequest(new { error = $"era must be 2024 or 2025, not {era}" });
        }

        var map = (Era)(era ?? (short)Era.Y2025);
        var frameworkId = string.IsNullOrWhiteSpace(framework) ? CommuneLevels.Framework : framework;
        LevelReport? report;
        try
        {
            report = await new LevelReportBuilder(warehouse).BuildAsync(frameworkId, map, year, ct);
        }
        catch (BadInputException e)
        {
            return Results.BadRequest(new { error = e.Message });
        }

        return report is null
            ? Results.NotFound(new { error = $"no {frameworkId} levels are stored for the {(short)map} map yet (the nightly job stores them after each load)" })
            : Results.Ok(report);
    }
}
