using System.Globalization;
using System.Text.Json;
using Pipeline.Intake.Cursors;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// Where a report stream of one period got to. <see cref="Watermark"/> is the latest NGAY_CAPNHAT of the last
/// complete pass, sent as <c>p_capnhat_tu</c> so the next pass gets only rows updated after it; <see cref="Pass"/>
/// is a pass in progress, so a failed run resumes at the page that failed instead of starting over.
/// </summary>
internal sealed record PortalCursor(string? Watermark, PortalPass? Pass) : IStreamCursor
{
    public static readonly PortalCursor Fresh = new(null, null);

    /// <summary>The portal's timestamps are Vietnam time without an offset (<see cref="PortalTime"/>).</summary>
    public IEnumerable<DateTimeOffset> Dates() =>
        new (string Field, string? Text)[] { ("Watermark", Watermark), ("Pass.Since", Pass?.Since), ("Pass.Latest", Pass?.Latest) }
            .Where(d => d.Text is not null)
            .Select(d => PortalTime.TryParse(d.Text, out var local)
                ? new DateTimeOffset(local, TimeSpan.FromHours(7))
                : throw new CursorStateException(string.Create(CultureInfo.InvariantCulture, $"{d.Field} '{d.Text}' is not {PortalTime.Format}")));

    public override string ToString() => JsonSerializer.Serialize(this);
}

/// <summary>
/// A pass over the pages of one result (<c>p_capnhat_tu</c> = <see cref="Since"/>). The gateway pages by index
/// over a live result, so a pass is only trusted to move the watermark to its <see cref="Latest"/> row when it ran
/// in one run and TOTAL_ROW held still; otherwise rows may have shifted between pages, and the watermark stays at
/// <see cref="Since"/> so the next pass fetches the same range again (unchanged rows are then merged as no change).
/// </summary>
/// <param name="PageSize">Kept with the pass: page numbers only mean something with the size they were asked with.</param>
/// <param name="Total">TOTAL_ROW of the last page read; -1 before the first.</param>
/// <param name="StartedInRun">The run that fetched page 1.</param>
internal sealed record PortalPass(string? Since, int NextPage, int PageSize, int Total, string? Latest, long StartedInRun, bool Steady)
{
    public static PortalPass Start(string? since, int pageSize, long runId) => new(since, 1, pageSize, -1, null, runId, true);

    /// <summary>The pass once <paramref name="page"/> (page <see cref="NextPage"/>) is read in run <paramref name="runId"/>.</summary>
    public PortalPass After(ReportPage page, long runId) => this with
    {
        NextPage = NextPage + 1,
        Total = page.Total,
        Latest = PortalTime.Later(Latest, page.Latest),
        Steady = Steady && StartedInRun == runId && (Total < 0 || Total == page.Total),
    };

    /// <summary>True when the page just read (page <see cref="NextPage"/>) is the last of the result.</summary>
    public bool EndsWith(ReportPage page) => page.Rows == 0 || (long)NextPage * PageSize >= page.Total;

    /// <summary>Where the next pass starts once this one is complete.</summary>
    public string? Watermark() => Steady ? PortalTime.Later(Since, Latest) : Since;
}
