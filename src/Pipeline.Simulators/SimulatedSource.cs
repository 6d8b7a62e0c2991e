using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Synthetic;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Pipeline.Simulators;

/// <summary>
/// A WireMock.Net server standing in for one national source on loopback. Derived classes declare endpoints
/// (WireMock request matching) and render their data; this class applies the switched-on faults, labels every
/// response <c>X-Simulated: true</c>, and logs requests so tests can see what a connector asked for.
/// </summary>
public abstract class SimulatedSource : IDisposable
{
    private const string ResetHeader = "X-Simulator-Reset";
    private readonly ConcurrentQueue<SimRequest> _log = new();
    private WireMockServer? _server;
    private Uri? _url;

    protected SimulatedSource(SimulationData data, SimulationClock clock)
    {
        Data = data;
        Clock = clock;
    }

    /// <summary>The source name, as connectors and the command line use it.</summary>
    public abstract string Name { get; }

    public SimulationData Data { get; }

    /// <summary>How many unit keys the source publishes for the period at the clock's date; 0 for a period it has not published.</summary>
    public abstract int ExpectedUnitKeys(Core.Periods.Period period);

    /// <summary>The simulator's "today": nothing dated after it is published. Tests move it to publish revisions.</summary>
    public SimulationClock Clock { get; }

    public FaultSet Faults { get; } = new();

    public Uri Url => _url ?? throw new InvalidOperationException($"{Name} simulator is not started");

    /// <summary>Requests received so far (including faulted ones), oldest first.</summary>
    public IReadOnlyList<SimRequest> Requests => [.. _log];

    /// <summary>Starts on 127.0.0.1 at the port (0: any free port).</summary>
    public SimulatedSource Start(int port = 0)
    {
        _url = new Uri($"http://127.0.0.1:{(port == 0 ? FreePort() : port)}/");
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [_url.ToString().TrimEnd('/')],
            StartAdminInterface = false,

            // A connection reset cannot be expressed as a response: responses are buffered and the ones marked
            // with ResetHeader are replaced by aborting the connection (TCP RST).
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(ResetMarkedResponses),
        });
        RegisterEndpoints();
        return this;
    }

    public void ClearLog() => _log.Clear();

    public void Dispose()
    {
        _server?.Stop();
        _server?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Declares the endpoints with <see cref="Endpoint"/>.</summary>
    protected abstract void RegisterEndpoints();

    /// <summary>Parameters of a request: the query string unless the source takes them another way (form, JSON body).</summary>
    protected virtual IReadOnlyDictionary<string, string> ParametersOf(IRequestMessage request) =>
        (request.Query ?? new Dictionary<string, WireMockList<string>>()).ToDictionary(q => q.Key, q => q.Value.ToString() ?? "");

    protected void Endpoint(string name, IRequestBuilder match, Func<SimRequest, SimBody> render) =>
        _server!.Given(match).WithTitle(name).RespondWith(Response.Create().WithCallback(request => RespondAsync(name, request, render)));

    private async Task<IResponseMessage> RespondAsync(string endpoint, IRequestMessage message, Func<SimRequest, SimBody> render)
    {
        var request = new SimRequest(
            endpoint,
            message.Method,
            message.Path,
            ParametersOf(message),
            (message.Headers ?? new Dictionary<string, WireMockList<string>>()).ToDictionary(h => h.Key, h => h.Value.ToString() ?? "", StringComparer.OrdinalIgnoreCase),
            TimeProvider.System.GetUtcNow());
        _log.Enqueue(request);

        var fault = Faults.Take(endpoint, request.Parameters);
        switch (fault?.Kind)
        {
            case FaultKind.ServerError:
                var unavailable = Message(503, "text/plain", "Service Unavailable"u8.ToArray());

                // A 503 says when to come back only when the rule says so (maintenance windows do, overloads rarely).
                if (fault.RetryAfter is { } back)
                {
                    unavailable.Headers!["Retry-After"] = new WireMockList<string>(RetryAfter(back));
                }

                return unavailable;
            case FaultKind.TooManyRequests:
                var limited = Message(429, "text/plain", "Too Many Requests"u8.ToArray());
                limited.Headers!["Retry-After"] = new WireMockList<string>(RetryAfter(fault.RetryAfter ?? TimeSpan.FromSeconds(1)));
                return limited;
            case FaultKind.ConnectionReset:
                var reset = Message(200, "text/plain", []);
                reset.Headers![ResetHeader] = new WireMockList<string>("1");
                return reset;
            case FaultKind.Latency:
                await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(5));
                break;
        }

        var body = render(request);
        if (body is ErrorBody error)
        {
            var (_, errorBytes, errorType) = BodyWriter.Write(error, null);
            return Message(error.StatusCode, errorType, errorBytes);
        }

        var (full, sent, contentType) = BodyWriter.Write(body, fault?.Kind);
        var response = Message(200, contentType, sent);

        // RFC 9530 digest of the whole representation: a client can tell a truncated transfer from a complete one.
        response.Headers!["Repr-Digest"] = new WireMockList<string>($"sha-256=:{Convert.ToBase64String(SHA256.HashData(full))}:");
        return response;
    }

    // Retry-After in delta-seconds (RFC 9110 allows whole seconds only), at least 1.
    private static string RetryAfter(TimeSpan delay) =>
        Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ResponseMessage Message(int status, string contentType, byte[] body) => new()
    {
        StatusCode = status,
        BodyData = new BodyData { BodyAsBytes = body, DetectedBodyType = BodyType.Bytes },
        Headers = new Dictionary<string, WireMockList<string>>
        {
            ["Content-Type"] = new(contentType),
            ["X-Simulated"] = new("true"),
        },
    };

    private static async Task ResetMarkedResponses(HttpContext context, Func<Task> next)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.Headers.ContainsKey(ResetHeader))
        {
            context.Abort();
            return;
        }

        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
