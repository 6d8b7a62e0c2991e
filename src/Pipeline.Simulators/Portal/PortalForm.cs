using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Pipeline.Simulators.Portal;

/// <summary>
/// The gateway's request shape: a form body <c>params=&lt;JSON&gt;</c>. Flattened to name/value pairs (strings as
/// they are, numbers as their literal) so endpoint code and fault rules read <c>service</c> or <c>pageIndex=2</c>
/// like query parameters. Also the portal's timestamp format, Vietnam time without an offset.
/// </summary>
internal static class PortalForm
{
    public const string TimeFormat = "dd/MM/yyyy HH:mm:ss";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static IReadOnlyDictionary<string, string> Parameters(string? body)
    {
        var parameters = new Dictionary<string, string>();
        if (Params(body) is not { } json)
        {
            return parameters;
        }

        foreach (var (name, value) in json)
        {
            parameters[name] = value switch
            {
                null => "",
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                _ => value.ToJsonString(),
            };
        }

        return parameters;
    }

    public static string? Service(string? body) => Parameters(body).GetValueOrDefault("service");

    public static string Format(DateTimeOffset time) => time.ToOffset(Vietnam).ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateTimeOffset time)
    {
        var ok = DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local);
        time = ok ? new DateTimeOffset(local, Vietnam) : default;
        return ok;
    }

    private static JsonObject? Params(string? body)
    {
        if (string.IsNullOrEmpty(body) || !QueryHelpers.ParseQuery(body).TryGetValue("params", out var text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text.ToString()) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
