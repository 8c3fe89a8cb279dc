using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>The R6 booklet rendered once by the route configured by default (native, ADR 0036) and read back page by page.</summary>
public class RenderedBooklet : IAsyncLifetime
{
    public RenderedBooklet()
        : this(new ReaderApp())
    {
    }

    protected RenderedBooklet(ReaderApp app) => App = app;

    public ReaderApp App { get; }

    /// <summary>Where the rendered PDF is kept for a person to look at (artifacts/).</summary>
    protected virtual string ArtifactName => "booklet-R6.pdf";

    public BookletDocument Booklet { get; private set; } = null!;

    public byte[] Pdf { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        Booklet = (await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;
        Pdf = await scope.ServiceProvider.GetRequiredService<IBookletPdfRenderer>().RenderAsync(Booklet, default);
        Directory.CreateDirectory(Path.Combine(TestSupport.RepoPaths.Root, "artifacts"));
        await File.WriteAllBytesAsync(Path.Combine(TestSupport.RepoPaths.Root, "artifacts", ArtifactName), Pdf);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The same booklet printed by the browser (Pdf:BookletEngine = Chromium, the route before ADR 0036, kept as an option).</summary>
public sealed class RenderedChromiumBooklet() : RenderedBooklet(new ChromiumReaderApp())
{
    protected override string ArtifactName => "booklet-R6-chromium.pdf";

    private sealed class ChromiumReaderApp() : ReaderApp(new AppOptions { Settings = new Dictionary<string, string?> { ["Pdf:BookletEngine"] = "Chromium" } });
}

/// <summary>The R6 booklet as the application writes it (ADR 0036).</summary>
public sealed class BookletPdfTests(RenderedBooklet rendered) : BookletPdfChecks(rendered), IClassFixture<RenderedBooklet>;

/// <summary>The R6 booklet as the browser prints it: the option reads the same.</summary>
public sealed class ChromiumBookletPdfTests(RenderedChromiumBooklet rendered) : BookletPdfChecks(rendered), IClassFixture<RenderedChromiumBooklet>;

/// <summary>What every route's R6 booklet must be: pages, text page by page, headings, bookmarks, tags and fonts.</summary>
public abstract class BookletPdfChecks(RenderedBooklet rendered)
{
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void The_booklet_has_a_cover_two_contents_pages_and_one_page_per_plan()
    {
        using var pdf = PdfDocument.Open(rendered.Pdf);

        Assert.Equal(2, rendered.Booklet.Contents.Pages.Count);
        Assert.Equal(3 + 56, pdf.NumberOfPages);
        var cover = Squash(pdf.GetPage(1).Text);
        Assert.Contains("本庄市行政改革大綱", cover, StringComparison.Ordinal);
        Assert.Contains("令和6年度実施計画シート(案)", cover, StringComparison.Ordinal);
        Assert.Equal("本庄市行政改革大綱 令和6年度 実施計画シート(案)", pdf.Information.Title);
    }

    [Fact]
    public void Every_plan_name_and_department_is_on_the_page_its_contents_line_gives()
    {
        using var pdf = PdfDocument.Open(rendered.Pdf);
        var contents = Squash(pdf.GetPage(2).Text + pdf.GetPage(3).Text);

        foreach (var sheet in rendered.Booklet.Sheets)
        {
            // 終了 is blank while a plan runs, as in the source: the start year is followed by the page.
            Assert.Contains(Squash($"{sheet.Name}{sheet.ExecutingDepartmentsText}{sheet.StartYear}{sheet.Page}"), contents, StringComparison.Ordinal);
            var page = Squash(pdf.GetPage(sheet.Page).Text);
            Assert.Contains(Squash(sheet.Name), page, StringComparison.Ordinal);
            Assert.Contains(Squash(sheet.ExecutingDepartmentsText), page, StringComparison.Ordinal);
            foreach (var item in sheet.Actions.Concat(sheet.Remarks))
            {
                Assert.Contains(Squash(item), page, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Copied_text_reads_as_written_not_as_radical_look_alikes()
    {
        using var pdf = PdfDocument.Open(rendered.Pdf);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));

        Assert.DoesNotContain(text, c => c is >= '\u2E80' and <= '\u2FDF');
        Assert.Contains("行政改革", text, StringComparison.Ordinal);
        Assert.Contains("市民課", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contents_page_numbers_are_those_of_the_source_booklet()
    {
        var seed = TestSupport.RepoPaths.ReadSeed();

        Assert.Equal(seed.Plans.Select(p => p.TocPage), rendered.Booklet.Sheets.Select(s => s.Page));
        Assert.Equal(seed.Fields.Select(f => f.TocPage), rendered.Booklet.Fields.Select(f => f.Page));
    }

    [Fact]
    public void Bookmarks_lead_to_each_field_and_each_plan()
    {
        using var pdf = PdfDocument.Open(rendered.Pdf);

        Assert.True(pdf.TryGetBookmarks(out var bookmarks), "The PDF has no bookmarks.");
        var all = Flatten(bookmarks.Roots).Select(b => b.Title).ToList();
        Assert.Contains("改革分野1. 行政サービス改革", all);
        Assert.Contains("改革分野3. 財政改革", all);
        Assert.Contains("1-9 コンビニ交付の普及推進", all);
        Assert.Contains("2-18 ペーパーレス「一歩先へ！！」", all);
        Assert.Equal(56, all.Count(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^\d-\d+ ")));
    }

    [Fact]
    public async Task A_single_plan_pdf_is_one_page_with_that_plan()
    {
        await using var scope = rendered.App.Services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<IBookletPdfRenderer>();
        var single = await renderer.RenderAsync(rendered.Booklet.ForPlan(Domain.Plans.PlanNumber.Parse("2-11")), default);
        using var pdf = PdfDocument.Open(single);

        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("農業委員会事務局など", Squash(pdf.GetPage(1).Text), StringComparison.Ordinal);
        var tree = TaggedPdf.Read(single);
        var heading = Assert.Single(tree.Elements, e => e.Type.StartsWith('H') && e.Type.Length == 2);
        var sheet = rendered.Booklet.Sheets.Single(s => s.Number.ToString() == "2-11");
        Assert.Equal(tree.Comparable($"{sheet.Number} {sheet.Name}"), tree.Comparable(heading.Text));
    }

    [Fact]
    public void Each_heading_in_the_structure_tree_carries_the_whole_plan_or_field_name()
    {
        var tree = TaggedPdf.Read(rendered.Pdf);
        var headings = tree.Elements.Where(e => e.Type is "H1" or "H2").ToList();

        // A screen reader lists the headings: every field and every plan by its whole name, on the sheet's own page.
        foreach (var field in rendered.Booklet.Fields)
        {
            var expected = tree.Comparable($"改革分野{field.Title}");
            Assert.True(expected.Length > 4, expected);
            Assert.Contains(headings, h => h.Type == "H1" && tree.Comparable(h.Text) == expected && h.Page == field.Sheets[0].Page);
        }

        foreach (var sheet in rendered.Booklet.Sheets)
        {
            var expected = tree.Comparable($"{sheet.Number} {sheet.Name}");
            Assert.True(expected.Length >= Squash($"{sheet.Number}{sheet.Name}").Length / 2, $"{sheet.Number}: too little of the name is readable to compare");
            Assert.Single(headings, h => h.Type == "H2" && tree.Comparable(h.Text) == expected && h.Page == sheet.Page);
        }
    }

    [Fact]
    public void A_sheets_year_headers_head_the_targets_only()
    {
        var tree = TaggedPdf.Read(rendered.Pdf);
        var sheetPage = rendered.Booklet.Sheets.Single(s => s.Number.ToString() == "1-9").Page;
        var cells = tree.Elements.Where(e => e.Page == sheetPage).ToList();
        var headerText = cells.Where(e => e.Type == "TH" && e.Id is not null).ToDictionary(e => e.Id!, e => tree.Comparable(e.Text));
        string[] years = ["R5", "R6", "R7", "R8", "R9"];
        IEnumerable<string> HeadersOf(StructureElement cell) => cell.Headers.Select(h => headerText.GetValueOrDefault(h, "?"));

        var field = cells.First(e => e.Type == "TD" && HeadersOf(e).Contains(tree.Comparable("改革分野")));
        Assert.DoesNotContain(HeadersOf(field), years.Contains);
        var targets = cells.Where(e => e.Type == "TD" && HeadersOf(e).Contains(tree.Comparable("各年度達成目標"))).ToList();
        Assert.Equal(5, targets.Count);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal([tree.Comparable("各年度達成目標"), years[i]], HeadersOf(targets[i]).Order(StringComparer.Ordinal).Reverse().ToList());
        }

        // Below the targets, the report rows are headed by their own labels, never by a year.
        Assert.All(cells.Where(e => e.Type == "TD" && !targets.Contains(e)), cell => Assert.DoesNotContain(HeadersOf(cell), years.Contains));
    }

    [Fact]
    public void Every_page_reads_as_the_booklet_printed_before_the_pdf_route_changed()
    {
        var expected = TestSupport.BookletText.R6Baseline();
        var difference = TestSupport.BookletText.Difference(expected, TestSupport.BookletText.PerPage(rendered.Pdf));

        Assert.True(difference is null, difference);
    }

    [Fact]
    public void Each_bookmark_leads_to_the_page_the_contents_names()
    {
        using var pdf = PdfDocument.Open(rendered.Pdf);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks), "The PDF has no bookmarks.");
        var pages = Flatten(bookmarks.Roots).OfType<DocumentBookmarkNode>().ToDictionary(b => b.Title, b => b.PageNumber);

        foreach (var field in rendered.Booklet.Fields)
        {
            Assert.Equal(field.Page, pages[$"改革分野{field.Title}"]);
        }

        foreach (var sheet in rendered.Booklet.Sheets)
        {
            Assert.Equal(sheet.Page, pages[$"{sheet.Number} {sheet.Name}"]);
        }
    }

    [Fact]
    public void The_pdf_stays_tagged_for_screen_readers_with_its_fonts_embedded_once()
    {
        using var pdf = PdfDocument.Open(rendered.Pdf);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;

        Assert.True(catalog.ContainsKey(NameToken.StructTreeRoot), "The PDF has no structure tree.");
        var markInfo = (DictionaryToken)Resolve(pdf, catalog.Data[NameToken.MarkInfo.Data]);
        Assert.Equal(BooleanToken.True, markInfo.Data[NameToken.Marked.Data]);

        // One subset per typeface for the whole booklet, not Type 3 fonts page by page.
        var fonts = new HashSet<IndirectReference>();
        foreach (var page in pdf.GetPages())
        {
            var resources = (DictionaryToken)Resolve(pdf, page.Dictionary.Data[NameToken.Resources.Data]);
            if (resources.Data.TryGetValue(NameToken.Font.Data, out var fontToken))
            {
                foreach (var font in ((DictionaryToken)Resolve(pdf, fontToken)).Data.Values.OfType<IndirectReferenceToken>())
                {
                    fonts.Add(font.Data);
                    var subtype = ((DictionaryToken)pdf.Structure.GetObject(font.Data).Data).Data[NameToken.Subtype.Data];
                    Assert.NotEqual(NameToken.Type3, subtype);
                }
            }
        }

        Assert.InRange(fonts.Count, 1, 6);
    }

    private static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    private static IEnumerable<BookmarkNode> Flatten(IEnumerable<BookmarkNode> nodes) =>
        nodes.SelectMany(n => new[] { n }.Concat(Flatten(n.Children)));
}
