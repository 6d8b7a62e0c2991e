using System.Net;
using Pipeline.Host.Security;
using Pipeline.Host.Tests.Support;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Host.Tests.Security;

/// <summary>The dashboard as people reach it: signed-in users only; operations may act, others only read.</summary>
[Collection(WarehouseCollection.Name)]
public sealed class DashboardAccessTests(PostgresServer server)
{
    [Fact]
    public async Task TheDashboard_AsksForCredentials_ShowsActionsToOperations_AndNotToReaders()
    {
        var connectionString = await server.CreateDatabaseConnectionStringAsync("dashboard");
        await using var host = await HostUnderTest.StartAsync(
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Warehouse={connectionString}",
            $"--Authentication:Users:ops:PasswordHash={BasicUsersHandler.Hash("ops", "ops-password")}",
            "--Authentication:Users:ops:Roles=operations",
            $"--Authentication:Users:reader:PasswordHash={BasicUsersHandler.Hash("reader", "reader-password")}",
            "--Authentication:Users:reader:Roles=analyst",
        ]);
        using var client = new HttpClient { BaseAddress = host.Address };

        using var anonymous = await client.GetAsync("/hangfire/recurring");
        var asOperations = await PageAsync(client, "ops", "ops-password");
        var asReader = await PageAsync(client, "reader", "reader-password");
        using var wrongPassword = await SignedIn.GetAsync(client, "/hangfire/recurring", "ops", "not-it");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Contains("pull-vneid", asOperations);
        Assert.Contains("pull-vneid", asReader);
        // Hangfire renders the trigger and delete buttons only when the dashboard is not read-only.
        Assert.Contains("js-jobs-list-command", asOperations);
        Assert.DoesNotContain("js-jobs-list-command", asReader);
    }

    private static async Task<string> PageAsync(HttpClient client, string user, string password)
    {
        using var response = await SignedIn.GetAsync(client, "/hangfire/recurring", user, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
