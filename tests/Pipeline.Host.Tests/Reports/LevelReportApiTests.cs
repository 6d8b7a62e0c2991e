using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Host.Tests.Support;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Host.Tests.Reports;

/// <summary>The level report's JSON and page as people reach them: who may read, and what a bad request is told.</summary>
[Collection(WarehouseCollection.Name)]
public sealed class LevelReportApiTests(PostgresServer server, ReportHost host) : IClassFixture<ReportHost>, IAsyncLifetime
{
    public Task InitializeAsync() => host.StartAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/reports/levels")]
    [InlineData("/reports/levels/app.js")]
    [InlineData("/api/reports/levels")]
    public async Task WithoutSignIn_TheReportAnswers401_AndAnotherRole403(string path)
    {
        using var client = new HttpClient { BaseAddress = host.Address };

        using var anonymous = await client.GetAsync(path);
        using var otherRole = await SignedIn.GetAsync(client, path, ReportHost.Other, ReportHost.OtherPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Forbidden, otherRole.StatusCode);
    }

    [Fact]
    public async Task Operations_ReadsTheLatestYearOnThe2025Map_ByDefault()
    {
        using var client = new HttpClient { BaseAddress = host.Address };

        using var response = await SignedIn.GetAsync(client, "/api/reports/levels", ReportHost.Operations, ReportHost.OperationsPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2025, 2025, 5), (report.GetProperty("era").GetInt32(), report.GetProperty("year").GetInt32(), report.GetProperty("total").GetProperty("counts").GetProperty("evaluated").GetInt32()));
        Assert.Equal(["01", "51"], report.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("provinceCode").GetString()));
    }

    [Theory]
    [InlineData("?era=2023", "era must be 2024 or 2025")]
    [InlineData("?framework=dti", "not a levels framework")]
    [InlineData("?framework=../../appsettings.json", "unknown framework")]
    public async Task ABadRequest_Answers400_WithTheReason(string query, string reason)
    {
        using var client = new HttpClient { BaseAddress = host.Address };

        using var response = await SignedIn.GetAsync(client, "/api/reports/levels" + query, ReportHost.Analyst, ReportHost.AnalystPassword);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }
}
