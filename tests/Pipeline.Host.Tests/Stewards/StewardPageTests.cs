using Dapper;
using Microsoft.Playwright;
using Pipeline.Host.Tests.Support;
using Pipeline.Warehouse.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.Host.Tests.Stewards;

/// <summary>
/// The steward page in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no browser download):
/// a steward resolves a real conflict through the form and the warehouse holds the decision; an analyst reads only.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class StewardPageTests(PostgresServer server, StewardHost host) : IClassFixture<StewardHost>, IAsyncLifetime
{
    private const string SystemChromium = "/usr/bin/chromium";

    public Task InitializeAsync() => host.StartAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AStewardOverridesAConflictThroughThePage_AndTheWarehouseHoldsTheDecision()
    {
        var id = (await host.OpenConflictsAsync("dossiers_fully_online"))[0];
        await using var connection = new Npgsql.NpgsqlConnection(host.ConnectionString);
        var portal = await connection.QuerySingleAsync<(decimal Numerator, decimal Denominator)>(
            """
            select (c ->> 'numerator')::numeric, (c ->> 'denominator')::numeric
              from fact.reconciliation r, jsonb_array_elements(r.candidates) c
             where r.reconciliation_id = @id and c ->> 'source' = 'portal'
            """,
            new { id });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenAsync(browser, StewardHost.Steward, StewardHost.StewardPassword);

        await page.SelectOptionAsync("select[name=province]", "01");
        await page.SelectOptionAsync("select[name=measure]", "dossiers_fully_online");
        await page.ClickAsync("#filters button[type=submit]");
        await page.Locator($"#queue tbody tr[data-id='{id}']").ClickAsync();
        await Expect(page.Locator("#detail-status")).ToContainTextAsync($"Conflict {id}: open");
        await Expect(page.Locator("#values tbody tr")).ToHaveCountAsync(2);
        await page.CheckAsync("input[name=choice][value=override]");
        await page.FillAsync("input[name=numerator]", (portal.Numerator - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("input[name=denominator]", portal.Denominator.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("textarea[name=reason]", "Recounted from the one-stop shop's register");
        await page.FillAsync("input[name=evidence]", "https://example.invalid/register/2025-11");
        await page.ClickAsync("#resolve button[type=submit]");

        await Expect(page.Locator("#resolve-result")).ToHaveTextAsync($"Conflict {id} resolved.");
        await Expect(page.Locator("#history tbody tr").Last).ToContainTextAsync("overridden");
        var row = await connection.QuerySingleAsync<(string Status, string Source, string Stream, decimal Numerator, decimal Denominator, string DecidedBy, string Evidence)>(
            """
            select status, chosen ->> 'source', chosen ->> 'stream', (chosen ->> 'numerator')::numeric, (chosen ->> 'denominator')::numeric,
                   decided_by, evidence_url
              from fact.reconciliation where reconciliation_id = @id
            """,
            new { id });
        Assert.Equal(
            ("resolved", "steward", StewardHost.Steward, portal.Numerator - 1, portal.Denominator, StewardHost.Steward, "https://example.invalid/register/2025-11"),
            row);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "select count(*) from fact.reconciliation_event where reconciliation_id = @id and action = 'overridden' and actor = @steward and note = 'Recounted from the one-stop shop''s register'",
            new { id, steward = StewardHost.Steward }));
    }

    [Fact]
    public async Task AnAnalystSeesTheQueue_WithoutTheForm()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenAsync(browser, StewardHost.Analyst, StewardHost.AnalystPassword);

        await Expect(page.Locator("#who")).ToContainTextAsync("read only");
        await page.Locator("#queue tbody tr").First.ClickAsync();
        await Expect(page.Locator("#detail")).ToBeVisibleAsync();
        await Expect(page.Locator("#resolve")).ToBeHiddenAsync();
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = SystemChromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });

    private async Task<IPage> OpenAsync(IBrowser browser, string user, string password)
    {
        var context = await browser.NewContextAsync(new() { HttpCredentials = new() { Username = user, Password = password } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, "/stewards").ToString());
        await Expect(page.Locator("#queue-count")).ToContainTextAsync("conflicts");
        return page;
    }
}
