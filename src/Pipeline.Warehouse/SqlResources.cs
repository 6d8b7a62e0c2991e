using System.Reflection;

namespace Pipeline.Warehouse;

/// <summary>SQL text embedded in this assembly: migrations from the top-level sql/ folder and named queries from the stage folders (Facts/, Levels/, ...).</summary>
internal static class SqlResources
{
    private static readonly Assembly Assembly = typeof(SqlResources).Assembly;

    public static IEnumerable<string> Names(string prefix) =>
        Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    public static string Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"SQL resource {name} is not embedded in {Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A named query by its path in this project without the extension, e.g. <c>Facts/merge_facts</c>.</summary>
    public static string Query(string name) => Read($"queries/{name}.sql");
}
