using System.Diagnostics;
using Pipeline.Core;

namespace Pipeline.Cli.Tests.Support;

/// <summary>Runs the built `pipeline` program in a child process and captures what an operator would see.</summary>
internal static class CliRun
{
    // No database is reachable here: a command that tried one without being given one would fail, not pass.
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2";

    public static Task<(int ExitCode, string Out, string Err)> RunAsync(params string[] args) => RunWithWarehouseAsync(Unreachable, args);

    public static async Task<(int ExitCode, string Out, string Err)> RunWithWarehouseAsync(string connectionString, params string[] args)
    {
        using var process = Start(connectionString, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the program and returns at once, for tests that stop it part-way (its output is redirected).</summary>
    public static Process Start(string connectionString, params string[] args)
    {
        var home = PipelineHome.Find();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // .../bin/<Configuration>/net10.0/
        var dll = Path.Combine(home, "src", "Pipeline.Cli", "bin", configuration, "net10.0", "pipeline.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PIPELINE_HOME"] = home;
        start.Environment["ConnectionStrings__Warehouse"] = connectionString;
        return Process.Start(start)!;
    }
}
