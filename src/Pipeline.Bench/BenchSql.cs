namespace Pipeline.Bench;

/// <summary>The bench's own SQL (Bench/Sql/NAME.sql, embedded): bench tables and checksums, never part of the warehouse's migrations.</summary>
internal static class BenchSql
{
    public static string Read(string name)
    {
        using var stream = typeof(BenchSql).Assembly.GetManifestResourceStream($"bench/{name}.sql")
            ?? throw new InvalidOperationException($"bench SQL {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
