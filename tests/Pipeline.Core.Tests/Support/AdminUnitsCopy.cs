namespace Pipeline.Core.Tests.Support;

/// <summary>A private, editable copy of ../shared/data/admin-units for tests that corrupt a file.</summary>
public sealed class AdminUnitsCopy : IDisposable
{
    public AdminUnitsCopy()
    {
        Directory = Path.Combine(Path.GetTempPath(), "pipeline-units-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.GetFiles(Original, "*.csv"))
        {
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
        }
    }

    public static string Original => PipelineHome.DefaultAdminUnitsDirectory(PipelineHome.Find());

    public string Directory { get; }

    /// <summary>Rewrites 1-based line <paramref name="line"/> of <paramref name="file"/>.</summary>
    public void ReplaceLine(string file, int line, Func<string, string> change)
    {
        var path = Path.Combine(Directory, file);
        var lines = File.ReadAllLines(path);
        lines[line - 1] = change(lines[line - 1]);
        File.WriteAllLines(path, lines);
    }

    /// <summary>The 1-based line of the first row whose first field is <paramref name="code"/>.</summary>
    public int LineOf(string file, string code) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(Directory, file)), l => l.StartsWith(code + ",", StringComparison.Ordinal)) + 1;

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
