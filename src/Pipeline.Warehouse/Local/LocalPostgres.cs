using System.Diagnostics;

namespace Pipeline.Warehouse.Local;

/// <summary>
/// The private PostgreSQL cluster of scripts/postgres.sh, used when no connection string is configured: the demo,
/// the tests and a newcomer's machine all start it the same way. The script installs the server if needed, is
/// idempotent and prints the connection string as its only line on stdout.
/// </summary>
public static class LocalPostgres
{
    public static async Task<string> StartAsync(string pipelineHome, CancellationToken cancellationToken = default)
    {
        var script = Path.Combine(pipelineHome, "scripts", "postgres.sh");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"No connection string is configured and {script} is missing to start a local PostgreSQL.");
        }

        var start = new ProcessStartInfo("bash", [script, "start"])
        {
            RedirectStandardOutput = true,
            // The script reports progress (install, initdb) on stderr; let the operator see it.
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var connectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || string.IsNullOrEmpty(connectionString))
        {
            throw new InvalidOperationException($"{script} start failed (exit code {process.ExitCode}); see its messages above.");
        }

        return connectionString;
    }
}
