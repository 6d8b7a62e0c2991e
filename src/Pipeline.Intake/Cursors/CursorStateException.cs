namespace Pipeline.Intake.Cursors;

/// <summary>
/// A stored cursor that cannot be trusted: it does not parse as the connector's own shape, or it is dated after now.
/// The run is refused before any request, rather than reading it as "no cursor" (a silent full reload) or following it
/// (a watermark from the future asks the source for nothing, silently, on every run).
/// </summary>
public sealed class CursorStateException(string message) : Exception(message);
