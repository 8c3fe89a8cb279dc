using System.Net;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Honjo.GyoseiKaikaku.Web.Tests.Workbook;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Hosting;

/// <summary>
/// Two application servers on one database, as behind a load balancer: A installed in one folder, B in another (its
/// content root is another path), so that nothing but the database can make them agree.
/// </summary>
public sealed class TwoServers : IAsyncLifetime
{
    public const string Shimin = "two-shimin";

    private readonly string _link = Path.Combine(Path.GetTempPath(), $"honjo-server-b-{Guid.NewGuid():N}");

    public TwoServers()
    {
        A = new AppFactory();
    }

    public AppFactory A { get; }

    public AppFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A starts first and creates the database; B is installed "elsewhere": a different path to the same files.
        var root = A.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        Directory.CreateSymbolicLink(_link, root);
        B = AppFactory.Create(new AppOptions { DatabasePath = A.DatabasePath, ContentRoot = _link });
        _ = B.Services;
        await TestUsers.CreateAsync(A, Shimin, AppRoles.DepartmentEditor, "市民課");

        // Department entry of the R6 reports opens at 計画の公表.
        await A.PublishWithStandInPdfAsync(new Domain.Common.FiscalYear(6));
    }

    /// <summary>One cookie jar for both servers: the browser does not know which server answers.</summary>
    public (HttpClient A, HttpClient B) Clients()
    {
        var jar = new CookieContainer();
        return (A.CreateDefaultClient(new CookieContainerHandler(jar)), B.CreateDefaultClient(new CookieContainerHandler(jar)));
    }

    public Task DisposeAsync()
    {
        B.Dispose();
        A.Dispose();
        Directory.Delete(_link);
        return Task.CompletedTask;
    }

}

public sealed class TwoServersTests(TwoServers servers) : IClassFixture<TwoServers>
{
    [Fact]
    public async Task The_servers_are_installed_in_different_folders_and_share_the_key_ring_in_the_database()
    {
        var (a, _) = servers.Clients();
        await a.SignInAsync(TwoServers.Shimin);

        Assert.NotEqual(
            servers.A.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            servers.B.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        await using var scope = servers.B.Services.CreateAsyncScope();
        Assert.NotEmpty(await scope.ServiceProvider.Database().DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task Signed_in_on_A_the_session_works_on_B()
    {
        var (a, b) = servers.Clients();
        await a.SignInAsync(TwoServers.Shimin);

        var onB = await b.GetAsync(new Uri("/my/plans", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains(TwoServers.Shimin, await onB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_from_A_is_accepted_by_B()
    {
        var (a, b) = servers.Clients();
        await a.SignInAsync(TwoServers.Shimin);
        var page = await a.GetDocumentAsync("/plans/1-10/report");
        var form = ReportForms.FormFrom(page, "Aで開いてBで保存", "B", "続けます。", "save");
        form["__RequestVerificationToken"] = page.QuerySelector("form.report-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        using var content = new FormUrlEncodedContent(form);
        var saved = await b.PostAsync(new Uri("/plans/1-10/report", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Aで開いてBで保存", (await servers.A.StoredReportAsync("1-10"))!.StatusReport);
    }

    [Fact]
    public async Task An_upload_previewed_on_A_is_confirmed_on_B()
    {
        var (a, b) = servers.Clients();
        await a.SignInAsync(TwoServers.Shimin);
        var workbook = DepartmentWorkbookTests.Edit(
            await DepartmentWorkbookTests.DownloadAsync(a), book => book.Worksheet("1-9").Cell("C7").SetValue("Aで取り込みBで確定"));
        var preview = await DepartmentWorkbookTests.UploadAsync(a, workbook);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        await using (var scope = servers.B.Services.CreateAsyncScope())
        {
            Assert.NotEmpty(await scope.ServiceProvider.Database().PendingImports.ToListAsync());
        }

        var confirmed = await DepartmentWorkbookTests.ConfirmAsync(b, await new HtmlParser().ParseDocumentAsync(await preview.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("Aで取り込みBで確定", (await servers.B.StoredReportAsync("1-9"))!.StatusReport);
    }
}
