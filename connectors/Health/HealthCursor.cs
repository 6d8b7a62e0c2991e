using System.Text.Json;
using Pipeline.Intake.Cursors;

namespace Pipeline.Connectors.Health;

/// <summary>
/// Where the statistics stream of one month got to. <see cref="Watermark"/> is the source's <c>as_of</c> at the start
/// of the last complete pass (the next pass asks only for rows updated after it); <see cref="Pass"/> is a pass in
/// progress, so a failed run resumes at the page that failed instead of starting over.
/// </summary>
internal sealed record HealthCursor(string? Watermark, HealthPass? Pass) : IStreamCursor
{
    public static readonly HealthCursor Fresh = new(null, null);

    public IEnumerable<DateTimeOffset> Dates() => StoredCursor.Dates(("Watermark", Watermark), ("Pass.Since", Pass?.Since), ("Pass.AsOf", Pass?.AsOf));

    public override string ToString() => JsonSerializer.Serialize(this);
}

/// <param name="Since">The updated_after the pass was started with (null: everything).</param>
/// <param name="AsOf">The source's as_of on the pass's first page: the watermark once the pass completes. Rows
/// updated while the pass runs are stamped after it, so the next pass fetches them.</param>
/// <param name="Size">The page size the pass started with; page numbers only mean something with it.</param>
/// <param name="Page">The page to fetch next.</param>
internal sealed record HealthPass(string? Since, string? AsOf, int Size, int Page);

/// <summary>The registry stream's cursor: informative only, the registry is read whole whenever it is needed.</summary>
internal sealed record RegistryCursor(int Page, int TotalPages)
{
    public override string ToString() => JsonSerializer.Serialize(this);
}
