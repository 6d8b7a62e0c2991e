namespace Pipeline.Core;

/// <summary>
/// Where the repository (or an installed copy of it) lives: the folder holding Pipeline.sln and scripts/. The
/// ./pipeline wrapper sets PIPELINE_HOME; tests and tools started some other way find it by walking up from the binary.
/// </summary>
public static class PipelineHome
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("PIPELINE_HOME") is { Length: > 0 } home)
        {
            return Path.GetFullPath(home);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Cannot find the pipeline folder (Pipeline.sln) above {AppContext.BaseDirectory}; set PIPELINE_HOME.");
    }

    /// <summary>The configured admin-units folder (<c>AdminUnits:Directory</c>, relative to the pipeline folder), or the default.</summary>
    public static string AdminUnitsDirectory(string home, string? configured) =>
        string.IsNullOrEmpty(configured) ? DefaultAdminUnitsDirectory(home) : Path.GetFullPath(configured, home);

    /// <summary>The reference data shipped beside the repository: ../shared/data/admin-units.</summary>
    public static string DefaultAdminUnitsDirectory(string home) =>
        Path.GetFullPath(Path.Combine(home, "..", "shared", "data", "admin-units"));
}
