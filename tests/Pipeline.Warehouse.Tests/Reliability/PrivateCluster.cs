using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Npgsql;
using Pipeline.Core;

namespace Pipeline.Warehouse.Tests.Reliability;

/// <summary>
/// A PostgreSQL cluster of one test's own (scripts/postgres.sh with PIPELINE_PG_DIR and a free port), so the test may
/// restart its server while other test classes keep using the shared cluster. The data directory is kept under
/// .local/ between runs (only the first run pays for initdb); the server is stopped when the test ends.
/// </summary>
internal sealed class PrivateCluster : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(PipelineHome.Find(), ".local", "postgres-restart-test");
    private readonly int _port = FreePort();
    private readonly List<string> _databases = [];

    public string ConnectionString { get; private set; } = "";

    public static async Task<PrivateCluster> StartAsync()
    {
        var cluster = new PrivateCluster();
        cluster.ConnectionString = (await cluster.ScriptAsync("start")).Trim();
        return cluster;
    }

    /// <summary>A fast shutdown (every session is ended, as when the server is restarted under a running job), then a start.</summary>
    public async Task RestartAsync()
    {
        await ScriptAsync("stop");
        await ScriptAsync("start");
    }

    /// <summary>A new, empty database on this cluster; dropped when the cluster is disposed.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"test_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using var admin = new NpgsqlConnection(ConnectionString);
        await admin.OpenAsync();
        await admin.ExecuteAsync($"create database {name}");
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(ConnectionString))
        {
            await admin.OpenAsync();
            foreach (var name in _databases)
            {
                await admin.ExecuteAsync($"drop database if exists {name} with (force)");
            }
        }

        await ScriptAsync("stop");
    }

    private async Task<string> ScriptAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(PipelineHome.Find(), "scripts", "postgres.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PIPELINE_PG_DIR"] = _directory;
        start.Environment["PIPELINE_PG_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"scripts/postgres.sh {command} exited {process.ExitCode}: {await error}");
        return await output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
