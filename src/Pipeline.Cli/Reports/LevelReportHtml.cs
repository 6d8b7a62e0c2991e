using System.Reflection;
using System.Text;
using System.Text.Json;
using Pipeline.Warehouse.Reports;

namespace Pipeline.Cli.Reports;

/// <summary>
/// The level report as one self-contained HTML file: the host's own page (embedded here from
/// src/Pipeline.Host/Reports/Page) with its style and script inline and the report as JSON, so the file draws the
/// same charts and tables offline and makes no request at all.
/// </summary>
internal static class LevelReportHtml
{
    private const string StyleLink = "<link rel=\"stylesheet\" href=\"/reports/levels/style.css\">";
    private const string ScriptTag = "<script src=\"/reports/levels/app.js\" defer></script>";

    // The same names and casing the host's API answers with, so one script reads both.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Write(LevelReport report, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var partial = path + ".partial";
        File.WriteAllText(partial, Compose(report), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(partial, path, overwrite: true);
    }

    public static string Compose(LevelReport report)
    {
        var script = Resource("app.js");
        var style = Resource("style.css");
        if (script.Contains("</script", StringComparison.OrdinalIgnoreCase) || style.Contains("</style", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("the report page's script or style closes its own element; it cannot be inlined");
        }

        // The serializer escapes <, > and & in strings (\u003C ...), so no value from the warehouse can end the element.
        var data = JsonSerializer.Serialize(report, Json);
        var page = Resource("index.html");
        page = Replace(page, StyleLink, $"<style>\n{style}</style>");
        page = Replace(page, ScriptTag, "");
        return Replace(page, "</body>", $"  <script type=\"application/json\" id=\"report-data\">{data}</script>\n  <script>\n{script}</script>\n</body>");
    }

    private static string Replace(string page, string tag, string replacement) =>
        page.Contains(tag, StringComparison.Ordinal)
            ? page.Replace(tag, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"the report page has no {tag} to replace");

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"reports/levels/{name}")
            ?? throw new InvalidOperationException($"reports/levels/{name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
