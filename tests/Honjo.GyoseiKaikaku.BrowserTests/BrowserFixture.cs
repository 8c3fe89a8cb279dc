using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Honjo.GyoseiKaikaku.BrowserTests;

/// <summary>
/// The application on a real Kestrel port (over its own SQLite file) and Debian's Chromium driven by Playwright.
/// Playwright's own browser download is never used: there is no network here, and the system Chromium is what
/// the PDF export will use too.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public const string Office = "b-kikaku";
    public const string Shimin = "b-shimin";
    public const string Reader = "b-kanri";

    /// <summary>保険課: plan 1-15 (a numeric target), used by the accessible-form test only.</summary>
    public const string Hoken = "b-hoken";

    private readonly AppFactory _app;
    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(new AppFactory())
    {
    }

    /// <summary>The browser over <paramref name="app"/> (an application with settings of its own, e.g. mail).</summary>
    internal BrowserFixture(AppFactory app)
    {
        _app = app;
    }

    /// <summary>The application under test, for setting up data (users) beside what the pages do.</summary>
    public AppFactory App => _app;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static string ScreenshotDirectory => Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium was not found at {ChromiumPath}. Install it with: apt-get install -y chromium fonts-noto-cjk (scripts/test.sh does this).");
        }

        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));

        await TestUsers.CreateAsync(_app, Office, AppRoles.PlanningOffice);
        await TestUsers.CreateAsync(_app, Shimin, AppRoles.DepartmentEditor, "市民課");
        await TestUsers.CreateAsync(_app, Reader, AppRoles.Viewer);
        await TestUsers.CreateAsync(_app, Hoken, AppRoles.DepartmentEditor, "保険課");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>
    /// Department entry of the R6 reports opens at 計画の公表: publishes R6 (with a stand-in PDF, see
    /// <see cref="Milestones"/>) unless it is published already. The cycle test publishes through the page instead.
    /// </summary>
    public async Task OpenR6ReportEntryAsync()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();
            var r6 = new Domain.Common.FiscalYear(6);
            if (await db.Editions.AnyAsync(e => e.Year == r6 && e.Status != Domain.Editions.EditionStatus.Draft))
            {
                return;
            }
        }

        await _app.PublishWithStandInPdfAsync(new Domain.Common.FiscalYear(6));
    }

    /// <summary>A fresh browser context, signed in through the sign-in page as <paramref name="userName"/>.</summary>
    public async Task<IPage> NewPageAsync(string userName = Reader)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = "ja-JP", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("ユーザーID").FillAsync(userName);
        await page.GetByLabel("パスワード").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        // Polls the address rather than waiting for a load event that may already have fired.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Assertions.Expect(page.Locator("#main")).ToBeVisibleAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
