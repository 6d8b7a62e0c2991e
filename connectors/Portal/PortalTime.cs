using System.Globalization;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// The portal's timestamps (<c>NGAY_CAPNHAT</c>, <c>p_capnhat_tu</c>): <c>dd/MM/yyyy HH:mm:ss</c> in Vietnam time,
/// without an offset. The connector never converts them: the watermark is sent back exactly as the portal wrote it,
/// so the comparison happens on the portal's own clock.
/// </summary>
internal static class PortalTime
{
    public const string Format = "dd/MM/yyyy HH:mm:ss";

    public static bool TryParse(string? text, out DateTime value) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>The later of two portal timestamps (either may be null; both are known to parse).</summary>
    public static string? Later(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        TryParse(a, out var x);
        TryParse(b, out var y);
        return y > x ? b : a;
    }
}
