using System.Text.Json;
using Pipeline.Intake.Cursors;

namespace Pipeline.Connectors.Postal;

/// <summary>
/// Where the exports stream of one quarter got to: every export file committed so far, by name, with the SHA-256 and
/// modification time the index gave for it, and the registry that labelled the last one. A file is fetched when the
/// index lists it with a hash not recorded here, so a failed run resumes at the first file it had not committed, a
/// second run fetches no file, and a later run fetches only new correction files (or a file the operator re-exported).
/// </summary>
internal sealed record PostalCursor(RegistryStamp? Registry, IReadOnlyDictionary<string, FileStamp> Files) : IStreamCursor
{
    public static PostalCursor Fresh => new(null, new Dictionary<string, FileStamp>());

    public IEnumerable<DateTimeOffset> Dates() =>
        Files.Values.Select(f => f.Modified).Concat(Registry?.NewestUpdate is { } newest ? [newest] : []);

    /// <summary>Whether the file, as the index now describes it, has been committed already.</summary>
    public bool Has(ExportEntry entry) => Files.TryGetValue(entry.File, out var stamp) && stamp.Sha256 == entry.Sha256;

    public PostalCursor After(ExportEntry entry, RegistryStamp registry) =>
        new(registry, new Dictionary<string, FileStamp>(Files) { [entry.File] = new FileStamp(entry.Sha256, entry.Modified) });

    public override string ToString() => JsonSerializer.Serialize(this);
}

/// <param name="Sha256">Lower-case hex, as the index lists it.</param>
internal sealed record FileStamp(string Sha256, DateTimeOffset Modified);

/// <param name="Postcodes">Entries in the registry.</param>
/// <param name="NewestUpdate">The latest updatedAt of any entry.</param>
/// <param name="Sha256">Hash over the entries in postcode order (independent of the page size).</param>
internal sealed record RegistryStamp(int Postcodes, DateTimeOffset? NewestUpdate, string Sha256);
