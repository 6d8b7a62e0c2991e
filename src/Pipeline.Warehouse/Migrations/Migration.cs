using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Warehouse.Migrations;

/// <summary>One numbered file of sql/, e.g. 0002_create_admin_units.sql.</summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the text, recorded when applied, so an edit to an applied migration is caught instead of silently skipped.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    public static IReadOnlyList<Migration> Embedded() => SqlResources.Names("sql/")
        .Select(resource =>
        {
            var file = resource["sql/".Length..];
            var match = FileName().Match(file);
            if (!match.Success)
            {
                throw new InvalidOperationException($"sql/{file}: migration files are named NNNN_verb_noun.sql");
            }

            return new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), file, SqlResources.Read(resource));
        })
        .ToArray();

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileName();
}
