namespace Pipeline.Intake;

/// <summary>
/// The payload does not have the shape the contract documents (a renamed or missing column, a missing field in the
/// envelope): schema drift. The run fails with this message; no page of that shape is stored, and nothing is
/// filled with silent nulls.
/// </summary>
public sealed class SourceFormatException(string message) : Exception(message);
