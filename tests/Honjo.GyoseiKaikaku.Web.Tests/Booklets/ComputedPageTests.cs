using System.Globalization;
using System.Net;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>
/// Page numbers follow the edition's content wherever they are shown, and are never read from the pages stored at
/// seed time. The application gets its own database: the test rewrites plan names.
/// </summary>
public sealed class ComputedPageTests : IAsyncLifetime
{
    private readonly ReaderApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Names_that_push_the_contents_onto_a_third_page_move_every_page_on_the_screens_and_in_the_PDF()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();

            // Three names of 200 characters (six lines each): field 1 no longer fits the first 目次 page.
            await db.Database.ExecuteSqlRawAsync("UPDATE Plans SET Name = {0} WHERE FieldNumber = 1 AND Number <= 3", new string('長', 200));

            // Whatever was stored at seed time is not what any screen shows.
            await db.Database.ExecuteSqlRawAsync("UPDATE EditionEntries SET Page = 999");
            await db.Database.ExecuteSqlRawAsync("UPDATE EditionFieldPages SET Page = 999");
        }

        BookletDocument booklet;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            booklet = (await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;
        }

        Assert.Equal(3, booklet.Contents.Pages.Count);
        Assert.Equal([5, 31, 49], booklet.Fields.Select(f => f.Page));

        var index = await _app.Client.GetDocumentAsync("/plans");
        Assert.Equal(booklet.Fields.Select(f => Text(f.Page)), index.QuerySelectorAll(".toc-group__page").Select(e => e.TextContent.Trim()));
        Assert.Equal(booklet.Sheets.Select(s => Text(s.Page)), index.QuerySelectorAll("td.toc__page").Select(e => e.TextContent.Trim()));

        var sheet = await _app.Client.GetDocumentAsync("/plans/3-12");
        Assert.Contains("60頁", sheet.QuerySelector(".sheet__number")!.TextContent, StringComparison.Ordinal);

        // The export that refused a 目次 longer than two pages now prints it.
        var download = await _app.Client.GetAsync(new Uri("/booklets/R6.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var pdf = PdfDocument.Open(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(1 + 3 + 56, pdf.NumberOfPages);
        Assert.Contains("計画番号3-12・60頁", string.Concat(pdf.GetPage(60).Text.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);
    }

    private static string Text(int page) => page.ToString(CultureInfo.InvariantCulture);
}
