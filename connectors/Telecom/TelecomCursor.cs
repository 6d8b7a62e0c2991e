using System.Text.Json;
using Pipeline.Intake.Cursors;

namespace Pipeline.Connectors.Telecom;

/// <summary>
/// Where one operator's stream of one quarter got to: the files landed, by name, with the SHA-256 of the bytes landed.
/// A file is fetched when the index lists a name not here or a different hash (the operator re-issued it); so a second
/// run fetches nothing, a failed run resumes at the first file not committed, and a correction file is fetched alone.
/// </summary>
internal sealed record TelecomCursor(Dictionary<string, string> Landed) : IStreamCursor
{
    public static TelecomCursor Fresh => new([]);

    public static TelecomCursor Parse(string? json) => StoredCursor.Parse(json, Fresh);

    /// <summary>None: files are known by name and hash, and a future-dated file cannot hide another.</summary>
    public IEnumerable<DateTimeOffset> Dates() => [];

    public bool Holds(string file, string sha256) =>
        Landed.TryGetValue(file, out var landed) && string.Equals(landed, sha256, StringComparison.OrdinalIgnoreCase);

    public TelecomCursor With(string file, string sha256) => new(new Dictionary<string, string>(Landed) { [file] = sha256 });

    public override string ToString() => JsonSerializer.Serialize(this);
}
