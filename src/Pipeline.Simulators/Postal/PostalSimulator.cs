using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Core.Periods;
using Pipeline.Simulators.Synthetic;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace Pipeline.Simulators.Postal;

/// <summary>
/// SIMULATED postal operator (connectors/Postal/CONTRACT.md): a paged postcode registry (JSON) and, per quarter, an
/// index of CSV export files, one per province plus correction files, each served with a Repr-Digest. Every request
/// needs the X-Api-Key header. Figures come from <see cref="PostalFigures"/>; nothing here is the operator's data.
/// </summary>
public sealed class PostalSimulator(SimulationData data, SimulationClock clock) : SimulatedSource(data, clock)
{
    public const string ApiKey = "simulated-postal-key";
    private const string ExportsPath = "/api/v1/exports/";
    private readonly Lazy<PostcodeBook> _book = new(() => PostcodeBook.From(data));

    // The files of a quarter depend only on the period and the clock; built once for each, not for every request.
    private readonly ConcurrentDictionary<(Period, DateTimeOffset), List<ExportFile>> _files = new();

    public override string Name => "postal";

    /// <summary>Every 2025 commune (one postcode each) once the quarter is published; nothing before 2025-Q3.</summary>
    public override int ExpectedUnitKeys(Period period) => PostalExports.Published(period, Clock.AsOf) ? _book.Value.Entries.Count : 0;

    protected override void RegisterEndpoints()
    {
        Endpoint("postcodes", Request.Create().WithPath("/api/v1/postcodes").UsingGet(), Postcodes);
        Endpoint("export-index", Request.Create().WithPath(new RegexMatcher(@"^/api/v1/exports/[^/]+/index\.json$")).UsingGet(), Index);
        Endpoint("export-file", Request.Create().WithPath(new RegexMatcher(@"^/api/v1/exports/[^/]+/[^/]+\.csv$")).UsingGet(), File);
    }

    /// <summary>The period and file name sit in the path; exposed as parameters so fault rules can pick one file.</summary>
    protected override IReadOnlyDictionary<string, string> ParametersOf(IRequestMessage request)
    {
        var parameters = new Dictionary<string, string>(base.ParametersOf(request));
        if (request.Path.StartsWith(ExportsPath, StringComparison.Ordinal)
            && request.Path[ExportsPath.Length..].Split('/') is [var period, var file])
        {
            parameters["period"] = Uri.UnescapeDataString(period);
            if (file != "index.json")
            {
                parameters["file"] = Uri.UnescapeDataString(file);
            }
        }

        return parameters;
    }

    private SimBody Postcodes(SimRequest request)
    {
        if (Unauthorised(request) is { } denied)
        {
            return denied;
        }

        var page = request.GetInt("page", 1);
        var size = request.GetInt("size", 100);
        if (page < 1 || size is < 1 or > 1000)
        {
            return new ErrorBody(400, "page must be 1 or more and size 1 to 1000");
        }

        var rows = _book.Value.Entries.Skip((page - 1) * size).Take(size).Select(e => new object?[]
        {
            e.Postcode, e.Commune.Unit.Name, e.Commune.Province.Name, e.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });
        var table = new SimTable(["postcode", "communeName", "provinceName", "updatedAt"], [.. rows], "postcode", i => $"99{i + 1:D3}");
        return new JsonRows(table, items => items);
    }

    private SimBody Index(SimRequest request)
    {
        if (Unauthorised(request) is { } denied)
        {
            return denied;
        }

        if (PeriodOf(request) is not { } period)
        {
            return new ErrorBody(400, $"'{request.Get("period")}' is not a quarter such as 2025-Q3");
        }

        var files = new JsonArray();
        foreach (var file in Files(period))
        {
            var bytes = file.Bytes;
            files.Add(new JsonObject
            {
                ["file"] = file.Name,
                ["province"] = file.Province,
                ["size"] = bytes.Length,
                ["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
                ["modified"] = file.Modified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });
        }

        return new JsonDocumentBody(new JsonObject { ["period"] = period.ToString(), ["files"] = files });
    }

    private SimBody File(SimRequest request)
    {
        if (Unauthorised(request) is { } denied)
        {
            return denied;
        }

        var name = request.Get("file");
        return PeriodOf(request) is { } period && Files(period).FirstOrDefault(f => f.Name == name) is { } file
            ? new CsvRows(file.Table)
            : new ErrorBody(404, $"no export file '{name}' for period '{request.Get("period")}'");
    }

    private List<ExportFile> Files(Period period) =>
        _files.GetOrAdd((period, Clock.AsOf), key => PostalExports.Visible(_book.Value, key.Item1, key.Item2));

    private static ErrorBody? Unauthorised(SimRequest request) =>
        request.Headers.GetValueOrDefault("X-Api-Key") == ApiKey ? null : new ErrorBody(401, "missing or wrong X-Api-Key");

    private static Period? PeriodOf(SimRequest request)
    {
        try
        {
            return Period.Parse(request.Get("period") ?? "") is { Kind: PeriodKind.Quarter } quarter ? quarter : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
