using System.Security.Claims;
using Hangfire;
using Pipeline.Host.Security;
using Pipeline.Warehouse.Levels;
using Pipeline.Warehouse.Reconciliation;

namespace Pipeline.Host.Stewards;

/// <summary>
/// The stewards' REST API: the queue, one conflict in full, and the decision (steward role only; analysts read).
/// Refused decisions answer 400 with the reason, unknown ids 404. After a decision the period's year is re-evaluated
/// by a background job, so levels follow the value the steward chose.
/// </summary>
public static class ConflictEndpoints
{
    public const string EvaluationQueue = "levels";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.ReadConflicts);
        api.MapGet("/me", (ClaimsPrincipal user) => new
        {
            name = user.Identity?.Name,
            roles = user.FindAll(ClaimTypes.Role).Select(r => r.Value),
            canResolve = user.IsInRole(Roles.Steward),
        });
        api.MapGet("/conflicts", (ConflictReader reader, string? status, string? province, string? measure, string? period, int? limit, CancellationToken ct) =>
            reader.ListAsync(new ConflictFilter(Blank(status), Blank(province), Blank(measure), Blank(period), Math.Clamp(limit ?? 200, 1, 5000)), ct));
        api.MapGet("/conflicts/filters", (ConflictReader reader, CancellationToken ct) => reader.FilterOptionsAsync(ct));
        api.MapGet("/conflicts/{id:long}", async (ConflictReader reader, long id, CancellationToken ct) =>
            await reader.GetAsync(id, ct) is { } detail ? Results.Ok(detail) : Results.NotFound(new { error = $"no conflict {id}" }));
        api.MapPost("/conflicts/{id:long}/resolve", ResolveAsync).RequireAuthorization(Policies.ResolveConflicts);
    }

    private static async Task<IResult> ResolveAsync(
        long id, StewardDecision body, ClaimsPrincipal user, StewardDecisions decisions, ConflictReader reader, IBackgroundJobClient jobs, CancellationToken ct)
    {
        try
        {
            _ = await decisions.DecideAsync(id, body, user.Identity?.Name ?? "", ct);
        }
        catch (StewardDecisionException e)
        {
            return e.Problem == StewardDecisionProblem.NotFound ? Results.NotFound(new { error = e.Message }) : Results.BadRequest(new { error = e.Message });
        }

        var detail = (await reader.GetAsync(id, ct))!;
        jobs.Enqueue<CommuneLevels>(EvaluationQueue, levels => levels.EvaluatePeriodAsync(detail.Period, CancellationToken.None));

        return Results.Ok(detail);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
