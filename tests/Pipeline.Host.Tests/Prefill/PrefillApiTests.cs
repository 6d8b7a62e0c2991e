using System.Net;
using System.Text.Json;
using Dapper;
using Pipeline.Host.Tests.Support;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Host.Tests.Prefill;

/// <summary>The pre-filled self-assessment as JSON from the host, on a warehouse the portal's and EMC's jobs filled.</summary>
[Collection(WarehouseCollection.Name)]
public sealed class PrefillApiTests(PostgresServer server, StewardHost host) : IClassFixture<StewardHost>, IAsyncLifetime
{
    public Task InitializeAsync() => host.StartAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ACommunesPrefill_ListsEveryCommuneCriterion_WithTheMeasuredValueAndItsEvidence()
    {
        await using var connection = new Npgsql.NpgsqlConnection(host.ConnectionString);
        var (unit, value, denominator) = await connection.QueryFirstAsync<(string, decimal, decimal)>(
            "select unit_code, value, denominator from analytics.criterion_values_qd2361 where criterion = 'X.CQS.01' and year = 2025 order by unit_code");
        using var client = new HttpClient { BaseAddress = host.Address };

        using var anonymous = await client.GetAsync($"/api/prefill/qd2361/2025/{unit}");
        using var unknown = await SignedIn.GetAsync(client, "/api/prefill/qd2361/2025/99999", StewardHost.Analyst, StewardHost.AnalystPassword);
        using var response = await SignedIn.GetAsync(client, $"/api/prefill/qd2361/2025/{unit}", StewardHost.Analyst, StewardHost.AnalystPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var criteria = json.RootElement.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal(38, criteria.Count);
        var measured = criteria["X.CQS.01"];
        Assert.Equal(("automatic", value, denominator, true), (measured.GetProperty("status").GetString(), measured.GetProperty("value").GetDecimal(), measured.GetProperty("denominator").GetDecimal(), measured.GetProperty("simulated").GetBoolean()));
        Assert.Contains("sha256", measured.GetProperty("evidence").GetString());
        Assert.Equal("missing", criteria["X.CQS.05"].GetProperty("status").GetString());
        Assert.Equal(unit, json.RootElement.GetProperty("unitCode").GetString());
    }
}
