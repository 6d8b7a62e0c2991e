using System.Net;
using System.Text;
using Pipeline.Connectors.Health;

namespace Pipeline.Connectors.Tests.Health;

/// <summary>
/// The health API answering fixed payloads (the contract's samples, or variants of them), recording what was asked.
/// Lets the contract tests drive the public connector without a server or a database.
/// </summary>
internal sealed class FakeHealthApi(Func<int, string> facilities, Func<string, int, string?, string> statistics) : IHealthApi
{
    public List<string> Calls { get; } = [];

    public Task<HttpResponseMessage> GetFacilitiesAsync(string authorization, int page, int size, CancellationToken cancellationToken)
    {
        Calls.Add($"facilities page={page} size={size}");
        return Task.FromResult(Json(facilities(page)));
    }

    public Task<HttpResponseMessage> GetStatisticsAsync(
        string authorization, string ky, int page, int size, string? updatedAfter, CancellationToken cancellationToken)
    {
        Calls.Add($"statistics ky={ky} page={page} size={size} updated_after={updatedAfter}");
        return Task.FromResult(Json(statistics(ky, page, updatedAfter)));
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
