using System.Diagnostics;
using Pipeline.Core;

namespace Pipeline.Cli.Tests;

/// <summary>Runs the built `pipeline` program in a child process and captures what an operator would see.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(params string[] args)
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
        // No database is reachable here: a command that tried one would fail, not pass.
        start.Environment["ConnectionStrings__Warehouse"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
