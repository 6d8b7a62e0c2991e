using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Warehouse.Migrations;

/// <summary>
/// One numbered file of sql/, e.g. 0002_create_admin_units.sql: tables, seed rows and grants, applied once. Views and
/// the functions they call are <see cref="Repeatable"/> files instead.
/// </summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    private const string RewrittenList = "sql/rewritten-checksums.txt";

    /// <summary>SHA-256 of the text, recorded when applied, so an edit to an applied migration is caught instead of silently skipped.</summary>
    public string Checksum { get; } = Sql.Checksum();

    /// <summary>
    /// Checksums of this version's earlier texts, from sql/rewritten-checksums.txt: the file was rewritten after
    /// warehouses had applied it (issue 27 moved the views out), and a warehouse that recorded one of these is not refused.
    /// </summary>
    public IReadOnlySet<string> EarlierChecksums { get; init; } = new HashSet<string>();

    /// <summary>Whether a recorded checksum is this file's text, now or before a listed rewrite.</summary>
    public bool Accepts(string recordedChecksum) => recordedChecksum == Checksum || EarlierChecksums.Contains(recordedChecksum);

    public static IReadOnlyList<Migration> Embedded()
    {
        var earlier = Rewritten();
        return SqlResources.Names("sql/")
            // The top level only: sql/repeatable/ has files of its own, and the list of rewritten checksums is no migration.
            .Where(resource => !resource["sql/".Length..].Contains('/', StringComparison.Ordinal) && resource != RewrittenList)
            .Select(resource =>
            {
                var file = resource["sql/".Length..];
                var match = FileName().Match(file);
                if (!match.Success)
                {
                    throw new InvalidOperationException($"sql/{file}: migration files are named NNNN_verb_noun.sql");
                }

                var version = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                return new Migration(version, file, SqlResources.Read(resource))
                {
                    EarlierChecksums = earlier.TryGetValue(version, out var checksums) ? checksums : new HashSet<string>(),
                };
            })
            .ToArray();
    }

    /// <summary>sql/rewritten-checksums.txt: one line per earlier text, "version checksum why"; # starts a comment.</summary>
    private static Dictionary<int, HashSet<string>> Rewritten()
    {
        var rewritten = new Dictionary<int, HashSet<string>>();
        foreach (var line in SqlResources.Read(RewrittenList).Split('\n'))
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var fields = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3 || !int.TryParse(fields[0], System.Globalization.CultureInfo.InvariantCulture, out var version)
                || !Sha256Hex().IsMatch(fields[1]))
            {
                throw new InvalidOperationException($"{RewrittenList}: \"{text}\" is not \"version checksum why\"");
            }

            if (!rewritten.TryGetValue(version, out var checksums))
            {
                rewritten[version] = checksums = [];
            }

            checksums.Add(fields[1]);
        }

        return rewritten;
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileName();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}

internal static class SqlChecksum
{
    public static string Checksum(this string sql) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
}
