using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Bench;

/// <summary>
/// This program started again as a child process in its hidden `bench worker` mode, so a figure's peak memory is that
/// run's own and job pickup crosses a process boundary. The child reports on a line <c>bench-result key=value ...</c>.
/// </summary>
internal static class BenchChild
{
    public const string ResultPrefix = "bench-result ";

    public static Process Start(string connectionString, params string[] args)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program is running");
        var viaDotnet = Path.GetFileNameWithoutExtension(self) == "dotnet";
        var start = new ProcessStartInfo(self, viaDotnet ? [(System.Reflection.Assembly.GetEntryAssembly() ?? throw new InvalidOperationException("no entry assembly")).Location, "bench", "worker", .. args] : ["bench", "worker", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Warehouse"] = connectionString;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the bench worker");
    }

    /// <summary>Runs a child to its end and returns its result line's values; a failed child throws with its error output.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(string connectionString, CancellationToken ct, params string[] args)
    {
        using var process = Start(connectionString, args);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout;
        var result = output.Split('\n').LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"bench worker {string.Join(' ', args)} exited {process.ExitCode}: {(await stderr).Trim()} {output.Trim()}");
        }

        return Parse(result);
    }

    public static IReadOnlyDictionary<string, string> Parse(string line) =>
        line[ResultPrefix.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>The line a child prints at its end: its figures and its own peak memory.</summary>
    public static string Result(params (string Key, object Value)[] values) =>
        ResultPrefix + string.Join(' ', values.Append(("peak_bytes", PeakMemory.Bytes()))
            .Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}={v.Value}")));

    public static double Number(this IReadOnlyDictionary<string, string> result, string key) =>
        double.Parse(result[key], CultureInfo.InvariantCulture);
}
