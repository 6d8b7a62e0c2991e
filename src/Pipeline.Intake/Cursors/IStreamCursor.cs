namespace Pipeline.Intake.Cursors;

/// <summary>
/// A connector's cursor for one stream, stored as JSON in <c>intake.cursor</c>. It names the dates it holds so that
/// <see cref="StoredCursor"/> can refuse one from the future. A method, not a property, so it is not serialised.
/// </summary>
public interface IStreamCursor
{
    /// <summary>
    /// Every date the cursor holds (watermarks, pinned as-of dates, file stamps), in the source's own clock converted to
    /// an instant. Throws <see cref="CursorStateException"/> for a date that does not parse.
    /// </summary>
    IEnumerable<DateTimeOffset> Dates();
}
