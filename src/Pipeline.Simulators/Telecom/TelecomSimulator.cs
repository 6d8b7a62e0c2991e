using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Core.Periods;
using Pipeline.Simulators.Synthetic;
using WireMock;
using WireMock.RequestBuilders;

namespace Pipeline.Simulators.Telecom;

/// <summary>
/// SIMULATED telecom operators' file drop (connectors/Telecom/CONTRACT.md): an index of CSV files and the files, one per
/// operator and quarter from 2024-Q1, plus correction files holding restated lines 60 days later. All three operators
/// still report on the 2024 units (10,035 communes) after the reform: operator-a and operator-c by 2024 codes
/// (operator-c covers about 60% of communes), operator-b by names, some written with the variants real feeds have.
/// </summary>
public sealed class TelecomSimulator(SimulationData data, SimulationClock clock) : SimulatedSource(data, clock)
{
    public const string Username = "simulated-province";
    public const string Password = "simulated-telecom-password";
    private const string FilesPath = "/feeds/files/";

    public override string Name => "telecom";

    /// <summary>The names of the files in the drop at the clock's date, oldest first (the order the index lists them).</summary>
    public IReadOnlyList<string> ListedFiles() => [.. FeedFile.Listed(Clock.AsOf).Select(f => f.Name)];

    /// <summary>Distinct (operator, unit key) pairs of the period's quarterly files in the drop at the clock's date.</summary>
    public override int ExpectedUnitKeys(Period period) =>
        FeedFile.Listed(Clock.AsOf)
            .Where(f => f.Correction == 0 && f.Period == period)
            .Sum(f => FeedContent.Of(Data, f).DistinctKeys);

    protected override void RegisterEndpoints()
    {
        // The index lists every file's hash, so the files are built before the drop answers (once per data set), for
        // half a year past the clock: tests move the clock to publish corrections, and the index must still answer
        // within a short attempt timeout.
        Parallel.ForEach(FeedFile.Listed(Clock.AsOf.AddDays(180)), file => FeedContent.Of(Data, file));
        Endpoint("index", Request.Create().WithPath("/feeds/index.json").UsingGet(), IndexBody);
        Endpoint("files", Request.Create().WithPath(p => p.StartsWith(FilesPath, StringComparison.Ordinal)).UsingGet(), FileBody);
    }

    /// <summary>The file name is a path segment; exposed as the parameter <c>file</c> so fault rules can pick one file.</summary>
    protected override IReadOnlyDictionary<string, string> ParametersOf(IRequestMessage request)
    {
        var parameters = new Dictionary<string, string>(base.ParametersOf(request), StringComparer.Ordinal);
        if (request.Path.StartsWith(FilesPath, StringComparison.Ordinal))
        {
            parameters["file"] = Uri.UnescapeDataString(request.Path[FilesPath.Length..]);
        }

        return parameters;
    }

    private SimBody IndexBody(SimRequest request)
    {
        if (!Authorised(request))
        {
            return new ErrorBody(401, "missing or wrong credentials");
        }

        var files = new JsonArray();
        foreach (var file in FeedFile.Listed(Clock.AsOf))
        {
            var content = FeedContent.Of(Data, file);
            files.Add(new JsonObject
            {
                ["operator"] = file.Operator.Name,
                ["period"] = file.Period.ToString(),
                ["file"] = file.Name,
                ["size"] = content.Size,
                ["sha256"] = content.Sha256,
                ["modified"] = file.Modified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });
        }

        return new JsonDocumentBody(new JsonObject
        {
            ["generated_at"] = Clock.AsOf.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["files"] = files,
        });
    }

    private SimBody FileBody(SimRequest request)
    {
        if (!Authorised(request))
        {
            return new ErrorBody(401, "missing or wrong credentials");
        }

        var name = request.Get("file");
        return FeedFile.Listed(Clock.AsOf).FirstOrDefault(f => f.Name == name) is { } file
            ? new CsvRows(FeedContent.Of(Data, file).Table)
            : new ErrorBody(404, $"no file '{name}' in the drop");
    }

    private static bool Authorised(SimRequest request) =>
        request.Headers.GetValueOrDefault("Authorization") ==
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"));
}
