using Pipeline.Core.Evaluation;
using Pipeline.Host.Security;
using Pipeline.Warehouse.Prefill;

namespace Pipeline.Host.Prefill;

/// <summary>
/// Pre-filled self-assessments as JSON, the same reader as `./pipeline prefill`: a province's communes, or one commune.
/// </summary>
public static class PrefillEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/prefill").RequireAuthorization(Policies.ReadReports);
        api.MapGet("/{framework}/{year:int}", async (PrefillReader reader, string framework, int year, string? province, CancellationToken ct) =>
            Framework(framework) is { } chosen
                ? Results.Ok(await reader.ReadAsync(chosen, year, string.IsNullOrWhiteSpace(province) ? null : province, ct))
                : UnknownFramework(framework));
        api.MapGet("/{framework}/{year:int}/{unitCode}", async (PrefillReader reader, string framework, int year, string unitCode, CancellationToken ct) =>
        {
            if (Framework(framework) is not { } chosen)
            {
                return UnknownFramework(framework);
            }

            // One commune: read its province's forms and keep it (the reader works per province).
            var province = await reader.ProvinceOfAsync(unitCode, ct);
            return province is null
                ? Results.NotFound(new { error = $"'{unitCode}' is not a 2025 commune" })
                : Results.Ok((await reader.ReadAsync(chosen, year, province, ct)).Single(c => c.UnitCode == unitCode));
        });
    }

    private static LevelFramework? Framework(string id) => id == PrefillReader.Framework ? (LevelFramework)FrameworkCatalog.Load(id) : null;

    private static IResult UnknownFramework(string id) =>
        Results.NotFound(new { error = $"no pre-fill for framework '{id}': the warehouse computes {PrefillReader.Framework}" });
}
