using Microsoft.Playwright;
using Pipeline.Warehouse.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.Host.Tests.Reports;

/// <summary>
/// The level report page in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no browser download):
/// an analyst sees the provinces, counts and criteria of the stored sample levels, the trend on 2025 communes, and
/// the districts of a 2024-map evaluation; the page asks nothing of any other host.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class LevelReportPageTests(PostgresServer server, ReportHost host) : IClassFixture<ReportHost>, IAsyncLifetime
{
    private const string SystemChromium = "/usr/bin/chromium";

    public Task InitializeAsync() => host.StartAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnAnalystSeesTheProvinceRowsAndCounts_TheBlockingCriteria_AndTheTrend()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { HttpCredentials = new() { Username = ReportHost.Analyst, Password = ReportHost.AnalystPassword } });
        var page = await context.NewPageAsync();
        var origins = new List<string>();
        page.Request += (_, request) => origins.Add(new Uri(request.Url).GetLeftPart(UriPartial.Authority));

        await page.GotoAsync(new Uri(host.Address, "/reports/levels").ToString());

        var hanoi = page.Locator("#areas tbody tr[data-province='01']");
        await Expect(hanoi.Locator("td.area")).ToHaveTextAsync("01 Thành phố Hà Nội");
        await Expect(hanoi.Locator("td.evaluated")).ToHaveTextAsync("3 of 126");
        await Expect(hanoi.Locator("td.count:not(.attainable)")).ToHaveTextAsync(["1", "1", "1", "0", "0", "0"]);
        await Expect(hanoi.Locator("td.blocking")).ToHaveTextAsync("X.XHS.06 (2), X.XHS.01 (1)");
        var quangNgai = page.Locator("#areas tbody tr[data-province='51']");
        await Expect(quangNgai.Locator("td.evaluated")).ToHaveTextAsync("2 of 96");
        await Expect(quangNgai.Locator("td.count:not(.attainable)")).ToHaveTextAsync(["1", "0", "0", "1", "0", "0"]);
        await Expect(page.Locator("#areas tfoot td.evaluated")).ToHaveTextAsync("5 of 222");
        await Expect(page.Locator("#distribution-chart svg text")).ToContainTextAsync(["01 Thành phố Hà Nội", "3", "51 Tỉnh Quảng Ngãi", "2"]);
        await Expect(page.Locator("#criteria-table tbody tr").First).ToContainTextAsync("X.XHS.06");
        await Expect(page.Locator("#criteria-table tbody tr[data-criterion='X.CQS.03'] td").Last).ToHaveTextAsync("3");
        await Expect(page.Locator("#trend-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#trend-table tbody tr[data-year='2024'] td.evaluated")).ToHaveTextAsync("2");
        await Expect(page.Locator("#trend-table tbody tr[data-year='2025'] td.evaluated")).ToHaveTextAsync("5");
        await Expect(page.Locator("#simulated")).ToBeHiddenAsync();
        await Expect(page.Locator("#subtitle")).ToContainTextAsync("assessment year 2025");

        await page.SelectOptionAsync("select[name=evaluation]", "2024:2024");
        await page.ClickAsync("#choose button[type=submit]");

        await Expect(page.Locator("#subtitle")).ToContainTextAsync("Communes of the 2024 map, assessment year 2024");
        var baDinh = page.Locator("#areas tbody tr.district[data-district='001']");
        await Expect(baDinh.Locator("td.area")).ToHaveTextAsync("001 Quận Ba Đình");
        await Expect(baDinh.Locator("td.evaluated")).ToHaveTextAsync("2 of 13");
        await Expect(page.Locator("#areas tbody tr")).ToHaveCountAsync(5);
        Assert.Equal([host.Address.GetLeftPart(UriPartial.Authority)], origins.Distinct());
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = SystemChromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
}
