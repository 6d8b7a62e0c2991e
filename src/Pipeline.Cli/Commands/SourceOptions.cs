using System.CommandLine;
using Pipeline.Jobs.Sources;

namespace Pipeline.Cli.Commands;

internal static class SourceOptions
{
    /// <summary>A <c>--source</c> option accepting only the catalog's names (and <c>all</c> when <paramref name="orAll"/>).</summary>
    public static Option<string> Create(string description, bool required = false, bool orAll = false)
    {
        var option = new Option<string>("--source") { Description = description, Required = required };
        option.AcceptOnlyFromAmong([.. SourceCatalog.Names, .. orAll ? new[] { "all" } : []]);
        return option;
    }
}
