using System.Net;
using System.Security.Cryptography;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>公表 freezes an edition: its PDF and Excel are stored with checksums and served unchanged afterwards.</summary>
public sealed class PublishingTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task Only_the_planning_office_can_publish()
    {
        var reader = await app.SignedInClientAsync(WorkflowFixture.Reader);
        var editor = await app.SignedInClientAsync(WorkflowFixture.Shimin);

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>())).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(EditionStatus.Draft, (await scope.ServiceProvider.Database().Editions.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_published_booklet_is_downloaded_again_unchanged_after_later_edits()
    {
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);

        var publish = await office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var audit = await scope.ServiceProvider.Database().AuditEvents.SingleAsync(e => e.Action == Infrastructure.Auditing.AuditAction.EditionPublished);
            Assert.Equal(("令和6年度版", WorkflowFixture.Office), (audit.Target, audit.ActorName));
        }

        var pdf1 = await office.GetAsync(new Uri("/booklets/R6.pdf", UriKind.Relative));
        var xlsx1 = await office.GetAsync(new Uri("/booklets/R6.xlsx", UriKind.Relative));
        var pdfBytes = await pdf1.Content.ReadAsByteArrayAsync();
        var xlsxBytes = await xlsx1.Content.ReadAsByteArrayAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdfBytes)), pdf1.Headers.GetValues("X-Content-SHA256").Single());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(xlsxBytes)), xlsx1.Headers.GetValues("X-Content-SHA256").Single());

        // The draft's title carries 「(案)」; the published booklet, its cover, PDF title and workbook do not.
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(pdfBytes))
        {
            var cover = string.Concat(pdf.GetPage(1).Text.Where(c => !char.IsWhiteSpace(c)));
            Assert.Contains("令和6年度実施計画シート", cover, StringComparison.Ordinal);
            Assert.DoesNotContain("(案)", cover, StringComparison.Ordinal);
            Assert.DoesNotContain("（案）", cover, StringComparison.Ordinal);
            Assert.EndsWith("令和6年度 実施計画シート", pdf.Information.Title ?? string.Empty, StringComparison.Ordinal);
        }

        using (var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(xlsxBytes)))
        {
            Assert.EndsWith("令和6年度 実施計画シート", workbook.Properties.Title, StringComparison.Ordinal);
            Assert.DoesNotContain(workbook.Worksheets.First().CellsUsed(), c => c.GetString().Contains("実施計画シート(案)", StringComparison.Ordinal));
        }

        Assert.Equal("令和6年度 実施計画シート", (await office.GetDocumentAsync("/booklets")).QuerySelector("tr[data-edition='R6'] th .muted")!.TextContent.Trim());

        // The plan is fixed now; a later accepted report does not change what was published either.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();
            var plan = await db.Plans.Include(p => p.Edition).Include(p => p.Key).ThenInclude(k => k.YearEndReports).SingleAsync(p => p.FieldNumber == 1 && p.Number == 1);
            Assert.Throws<Domain.Common.DomainException>(() => plan.Rename("公表後に変更した計画名"));
        }

        await app.AcceptReportDirectlyAsync("1-1", new Domain.Common.FiscalYear(6), "公表後に確認した報告");

        Assert.Equal(pdfBytes, await office.GetByteArrayAsync(new Uri("/booklets/R6.pdf", UriKind.Relative)));
        Assert.Equal(xlsxBytes, await office.GetByteArrayAsync(new Uri("/booklets/R6.xlsx", UriKind.Relative)));
        var page = await office.GetStringAsync(new Uri("/booklets", UriKind.Relative));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(pdfBytes)), page, StringComparison.Ordinal);
        Assert.Contains("公表済", page, StringComparison.Ordinal);

        var again = await office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("既に公表されています", await office.GetStringAsync(new Uri("/booklets", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_pressed_twice_at_once_publishes_once_and_answers_already_published()
    {
        using var separate = new WorkflowFixture();
        await ((IAsyncLifetime)separate).InitializeAsync();
        var office = await separate.SignedInClientAsync(WorkflowFixture.Office);
        var token1 = office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>());
        var token2 = office.PostFormAsync("/booklets", "/booklets/R6/publish", new Dictionary<string, string>());

        var responses = await Task.WhenAll(token1, token2);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var scope = separate.Services.CreateAsyncScope();
        var edition = await scope.ServiceProvider.Database().Editions.Include(e => e.Files).SingleAsync();
        Assert.Equal(EditionStatus.Published, edition.Status);
        Assert.Equal(4, edition.Files.Count);
    }
}
