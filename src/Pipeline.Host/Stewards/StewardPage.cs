using System.Reflection;
using Pipeline.Host.Security;

namespace Pipeline.Host.Stewards;

/// <summary>
/// The steward page (<c>/stewards</c>): plain HTML and JavaScript over the REST API, embedded in the assembly so the
/// host serves it wherever it runs. The page itself asks for sign-in, so the browser has the credentials before the
/// page calls the API.
/// </summary>
public static class StewardPage
{
    private static readonly Assembly Assembly = typeof(StewardPage).Assembly;

    public static void Map(WebApplication app)
    {
        app.MapGet("/stewards", () => File("index.html", "text/html; charset=utf-8")).RequireAuthorization(Policies.ReadConflicts);
        app.MapGet("/stewards/app.js", () => File("app.js", "text/javascript; charset=utf-8")).RequireAuthorization(Policies.ReadConflicts);
        app.MapGet("/stewards/style.css", () => File("style.css", "text/css; charset=utf-8")).RequireAuthorization(Policies.ReadConflicts);
    }

    private static IResult File(string name, string contentType)
    {
        var stream = Assembly.GetManifestResourceStream($"stewards/{name}") ?? throw new InvalidOperationException($"stewards/{name} is not embedded");
        return Results.Stream(stream, contentType);
    }
}
