using System.Text.RegularExpressions;

namespace Pipeline.Warehouse.Migrations;

/// <summary>
/// One file of sql/repeatable/, e.g. 40_resolved_values.sql: the current definition of one view (with its filtered
/// analytics view, where analysts read it) or function, written with <c>create or replace</c> and followed by that
/// object's grants. The migrator applies them after the numbered migrations, in the same transaction, in the order of
/// their two-digit prefix: a file only reads objects of files with a smaller prefix (functions 0x, reference views 1x,
/// facts 2x, levels 3x, resolved values 4x, criteria 5x). The prefix, not a separate list, so the order is visible in
/// the folder and a new file cannot be forgotten in a list.
/// </summary>
/// <remarks>
/// <c>create or replace</c> keeps the owner, grants and dependants, but cannot drop, rename or retype a column (or
/// change a function's result): such a change needs a numbered migration that drops the object (and its dependants,
/// whose files are re-applied after it). A view or function no longer wanted is dropped by a numbered migration too,
/// with its file deleted.
/// </remarks>
/// <param name="Name">The object's name: the file name without prefix and extension, the key of public.schema_repeatable.</param>
public sealed partial record Repeatable(string Name, string File, string Sql)
{
    public string Checksum { get; } = Sql.Checksum();

    public static IReadOnlyList<Repeatable> Embedded()
    {
        var repeatables = SqlResources.Names("sql/repeatable/")
            .Select(resource =>
            {
                var file = resource["sql/repeatable/".Length..];
                var match = FileName().Match(file);
                if (!match.Success)
                {
                    throw new InvalidOperationException($"sql/repeatable/{file}: repeatable files are named NN_object_name.sql");
                }

                return new Repeatable(match.Groups[1].Value, file, SqlResources.Read(resource));
            })
            .ToArray();
        if (repeatables.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"sql/repeatable/: {twice.Key} is defined by {string.Join(" and ", twice.Select(r => r.File))}");
        }

        return repeatables;
    }

    [GeneratedRegex(@"^\d{2}_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}
