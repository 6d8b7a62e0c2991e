using System.Text.Json;
using Pipeline.Intake.Cursors;

namespace Pipeline.Connectors.Vneid;

/// <summary>
/// Where the aggregates stream of one period got to. <see cref="Watermark"/> is the as-of date of the last complete
/// pass (the next pass asks only for items updated after it); <see cref="Pass"/> is a pass in progress, so a failed
/// run resumes at its next page instead of starting over.
/// </summary>
internal sealed record VneidCursor(string? Watermark, VneidPass? Pass) : IStreamCursor
{
    public static readonly VneidCursor Fresh = new(null, null);

    public IEnumerable<DateTimeOffset> Dates() => StoredCursor.Dates(("Watermark", Watermark), ("Pass.Since", Pass?.Since));

    public override string ToString() => JsonSerializer.Serialize(this);
}

/// <param name="Since">The updated_since the pass was started with.</param>
/// <param name="Next">The source's next_cursor token for the page to fetch next.</param>
internal sealed record VneidPass(string? Since, string Next);
