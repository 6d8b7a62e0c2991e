using System.Reflection;
using Pipeline.Host.Security;

namespace Pipeline.Host.Reports;

/// <summary>
/// The level report page (<c>/reports/levels</c>): plain HTML, CSS and JavaScript over <c>/api/reports/levels</c>,
/// embedded in the assembly like the steward page. The page itself asks for sign-in, so the browser has the
/// credentials before the page calls the API.
/// </summary>
public static class LevelReportPage
{
    private static readonly Assembly Assembly = typeof(LevelReportPage).Assembly;

    public static void Map(WebApplication app)
    {
        app.MapGet("/reports/levels", () => File("index.html", "text/html; charset=utf-8")).RequireAuthorization(Policies.ReadReports);
        app.MapGet("/reports/levels/app.js", () => File("app.js", "text/javascript; charset=utf-8")).RequireAuthorization(Policies.ReadReports);
        app.MapGet("/reports/levels/style.css", () => File("style.css", "text/css; charset=utf-8")).RequireAuthorization(Policies.ReadReports);
    }

    private static IResult File(string name, string contentType)
    {
        var stream = Assembly.GetManifestResourceStream($"reports/levels/{name}") ?? throw new InvalidOperationException($"reports/levels/{name} is not embedded");
        return Results.Stream(stream, contentType);
    }
}
