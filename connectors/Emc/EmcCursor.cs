using System.Text.Json;
using Pipeline.Intake.Cursors;

namespace Pipeline.Connectors.Emc;

/// <summary>
/// Where the dossier-stats stream of one month got to. <see cref="Watermark"/> is the <c>asOf</c> of the last
/// complete pass (the next pass asks only for figures modified after it); <see cref="Pass"/> is a pass in progress,
/// so a failed run resumes at the page that failed, asking the same pinned query.
/// </summary>
internal sealed record EmcCursor(string? Watermark, EmcPass? Pass) : IStreamCursor
{
    public static readonly EmcCursor Fresh = new(null, null);

    public IEnumerable<DateTimeOffset> Dates() => StoredCursor.Dates(("Watermark", Watermark), ("Pass.Since", Pass?.Since), ("Pass.Until", Pass?.Until));

    public override string ToString() => JsonSerializer.Serialize(this);
}

/// <param name="Since">The modifiedSince the pass was started with (null on the first pass of the month).</param>
/// <param name="Until">The asOf EMC answered the pass's first page with, sent as modifiedUntil on every later page.</param>
/// <param name="NextPage">The 1-based page to fetch next.</param>
internal sealed record EmcPass(string? Since, string Until, int NextPage);
