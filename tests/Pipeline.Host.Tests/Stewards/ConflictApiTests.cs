using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Pipeline.Host.Tests.Support;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Host.Tests.Stewards;

/// <summary>The stewards' REST API: who may read, who may decide, and what a decision leaves in the warehouse.</summary>
[Collection(WarehouseCollection.Name)]
public sealed class ConflictApiTests(PostgresServer server, StewardHost host) : IClassFixture<StewardHost>, IAsyncLifetime
{
    public Task InitializeAsync() => host.StartAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnAnalystReads_ButCannotResolve_AndNobodyUnsignedSeesAnything()
    {
        var id = (await host.OpenConflictsAsync("dossiers_online"))[0];
        using var client = new HttpClient { BaseAddress = host.Address };

        using var anonymous = await client.GetAsync("/api/conflicts");
        using var list = await SignedIn.SendAsync(client, HttpMethod.Get, "/api/conflicts?status=open", StewardHost.Analyst, StewardHost.AnalystPassword);
        using var resolve = await SignedIn.SendAsync(client, HttpMethod.Post, $"/api/conflicts/{id}/resolve", StewardHost.Analyst, StewardHost.AnalystPassword, new { accept = "portal/procedures" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(await list.Content.ReadFromJsonAsync<JsonElement[]>() ?? [], c => c.GetProperty("id").GetInt64() == id);
        Assert.Equal(HttpStatusCode.Forbidden, resolve.StatusCode);
        await using var connection = new Npgsql.NpgsqlConnection(host.ConnectionString);
        Assert.Equal("open", await connection.ExecuteScalarAsync<string>("select status from fact.reconciliation where reconciliation_id = @id", new { id }));
    }

    [Fact]
    public async Task AStewardAccepts_AndTheDecisionIsAudited_WhileABadOverrideIsRefusedWithItsReason()
    {
        var id = (await host.OpenConflictsAsync("dossiers_received"))[0];
        using var client = new HttpClient { BaseAddress = host.Address };

        using var noEvidence = await SignedIn.SendAsync(client, HttpMethod.Post, $"/api/conflicts/{id}/resolve", StewardHost.Steward, StewardHost.StewardPassword, new { numerator = 500, reason = "counted" });
        using var unknown = await SignedIn.SendAsync(client, HttpMethod.Post, "/api/conflicts/999999999/resolve", StewardHost.Steward, StewardHost.StewardPassword, new { accept = "portal/procedures" });
        using var accepted = await SignedIn.SendAsync(
            client, HttpMethod.Post, $"/api/conflicts/{id}/resolve", StewardHost.Steward, StewardHost.StewardPassword, new { accept = "portal/procedures", reason = "EMC's link was down" });

        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.Contains("evidence link", await noEvidence.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await using var connection = new Npgsql.NpgsqlConnection(host.ConnectionString);
        var row = await connection.QuerySingleAsync<(string Status, string Reason, string Source, string DecidedBy, string Note)>(
            "select status, reason, chosen ->> 'source', decided_by, decision_note from fact.reconciliation where reconciliation_id = @id", new { id });
        Assert.Equal(("resolved", "steward_accepted", "portal", StewardHost.Steward, "EMC's link was down"), row);
        var audit = await connection.QuerySingleAsync<(string Actor, string Action, string Before, string After, string? ChosenBefore, string ChosenAfter)>(
            """
            select actor, action, status_before, status_after, chosen_before ->> 'source', chosen_after ->> 'source'
              from fact.reconciliation_event where reconciliation_id = @id and action = 'accepted'
            """,
            new { id });
        Assert.Equal((StewardHost.Steward, "accepted", "open", "resolved", null, "portal"), audit);
        // The resolved value is what evaluators read.
        Assert.Equal(("steward_accepted", "portal"), await connection.QuerySingleAsync<(string, string)>(
            "select origin, source from analytics.resolved_values where reconciliation_id = @id", new { id }));
    }
}
