using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>The application and its R6 booklet, the material for larger editions.</summary>
public sealed class R6BookletApp : IAsyncLifetime
{
    public ReaderApp App { get; } = new();

    public BookletDocument Booklet { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        Booklet = (await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Prints <paramref name="booklet"/> through the real Chromium engine; the PDF is kept in artifacts/ to look at.</summary>
    public async Task<byte[]> RenderAsync(BookletDocument booklet, string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var pdf = await scope.ServiceProvider.GetRequiredService<IBookletPdfRenderer>().RenderAsync(booklet, default);
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts"));
        await File.WriteAllBytesAsync(Path.Combine(RepoPaths.Root, "artifacts", name), pdf);
        return pdf;
    }
}

/// <summary>
/// Editions larger than the source booklet: the 目次 takes more pages and fields carry on over pages, and every page
/// number the 目次 prints must still be the page the sheet is printed on. The renderer itself refuses a PDF whose
/// page count differs from the 目次; these tests also read each page back.
/// </summary>
public sealed class LargerBookletPdfTests(R6BookletApp r6) : IClassFixture<R6BookletApp>
{
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task A_booklet_of_80_plans_prints_its_sheets_on_the_pages_its_three_page_contents_names()
    {
        var booklet = LargerBooklets.Enlarge(r6.Booklet, 36, 26, 18);

        var bytes = await r6.RenderAsync(booklet, "booklet-80-plans.pdf");

        // Each field fits a page but not the rest of the previous one: one 目次 page per field.
        Assert.Equal([[1], [2], [3]], booklet.Contents.Pages.Select(p => p.Blocks.Select(b => b.FieldNumber).ToArray()));
        Assert.Equal([5, 41, 67], booklet.Fields.Select(f => f.Page));
        AssertPrintedAsPaginated(booklet, bytes);
    }

    [Fact]
    public async Task Names_at_the_edge_of_the_width_rule_and_a_field_over_several_pages_print_as_paginated()
    {
        var booklet = EdgeOfTheWidthRule(r6.Booklet, 75, 20, 30);

        var bytes = await r6.RenderAsync(booklet, "booklet-contents-edge.pdf");

        Assert.True(booklet.Contents.Pages.Count >= 4);
        Assert.Contains(booklet.Contents.Pages, p => p.Blocks.Any(b => b.Continued));
        Assert.All(booklet.Contents.Pages, p => Assert.InRange(LinesOn(booklet, p), 1, BookletLayout.ContentsLinesPerPage));
        AssertPrintedAsPaginated(booklet, bytes);
    }

    [Fact]
    public void A_booklet_of_1008_plans_numbers_its_sheets_after_a_contents_cut_within_the_budget()
    {
        var booklet = LargerBooklets.Repeat(r6.Booklet, 18);
        var contents = booklet.Contents;

        Assert.Equal(1008, booklet.Sheets.Count());
        Assert.Equal(1 + contents.Pages.Count + 1008, booklet.PageCount);
        Assert.Equal(Enumerable.Range(contents.FirstSheetPage, 1008), booklet.Sheets.Select(s => s.Page));
        Assert.Equal(booklet.Fields.Select(f => f.Sheets[0].Page), booklet.Fields.Select(f => f.Page));
        Assert.All(contents.Pages, p => Assert.InRange(LinesOn(booklet, p), 1, BookletLayout.ContentsLinesPerPage));

        // Every field is longer than a page: each starts where the previous one ends, and carries on under 「（続き）」.
        Assert.Equal(booklet.Fields.Count, contents.Pages.SelectMany(p => p.Blocks).Count(b => !b.Continued));
        Assert.Equal(
            booklet.Fields.Select(f => f.Sheets.Count),
            booklet.Fields.Select(f => contents.Pages.SelectMany(p => p.Blocks).Where(b => b.FieldNumber == f.Number).Sum(b => b.Count)));

        // 27 目次 pages. Rendered once through Chromium (1,036 pages in about 30 s, too slow to repeat in every run),
        // every row was on the 目次 page given here and every sheet on its page.
        Assert.Equal(27, contents.Pages.Count);
        Assert.Equal(29, contents.FirstSheetPage);
    }

    /// <summary>The lines <paramref name="page"/> takes by the budget's count: title, headings and rows.</summary>
    private static int LinesOn(BookletDocument booklet, ContentsPage page) =>
        (page.HasTitle ? BookletLayout.TitleLines : 0) + page.Blocks.Sum(b =>
        {
            var field = booklet.Fields.Single(f => f.Number == b.FieldNumber);
            return BookletContents.HeadingLines(b.Continued ? field.ContinuedHeading : field.Heading)
                + field.Sheets.Skip(b.Start).Take(b.Count).Sum(s => BookletContents.RowLines(s.ContentsLine));
        });

    /// <summary>
    /// Reads the PDF back: the page count is the 目次's; each 目次 page holds exactly the rows the pagination gave it
    /// (a row is unique by its page number), with 「（続き）」 where a field carries on; sheets are on their pages.
    /// </summary>
    internal static void AssertPrintedAsPaginated(BookletDocument booklet, byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(booklet.PageCount, pdf.NumberOfPages);

        var fields = booklet.Fields.ToDictionary(f => f.Number);
        foreach (var page in booklet.Contents.Pages)
        {
            var text = Squash(pdf.GetPage(page.Page).Text);
            foreach (var block in page.Blocks)
            {
                var field = fields[block.FieldNumber];
                Assert.Contains(Squash(block.Continued ? field.ContinuedHeading : $"{field.Heading}{field.Page}"), text, StringComparison.Ordinal);
                foreach (var sheet in field.Sheets.Skip(block.Start).Take(block.Count))
                {
                    Assert.Contains(
                        Squash($"{sheet.Number.Number}{sheet.Name}{sheet.ExecutingDepartmentsText}{sheet.StartYear}{sheet.Page}"),
                        text,
                        StringComparison.Ordinal);
                }
            }
        }

        // Reading a page's text back takes a while: the first and last sheet of each field and every tenth one.
        var sample = booklet.Fields.SelectMany(f => new[] { f.Sheets[0], f.Sheets[^1] })
            .Concat(booklet.Sheets.Where((_, i) => i % 10 == 5))
            .Distinct();
        foreach (var sheet in sample)
        {
            var text = Squash(pdf.GetPage(sheet.Page).Text);
            Assert.Contains(Squash($"計画番号 {sheet.Number} ・ {sheet.Page}頁"), text, StringComparison.Ordinal);
            Assert.Contains(Squash(sheet.Name), text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A booklet whose names and departments are as wide as the width rule lets a line be (35 full-width units, or 68
    /// for two lines; 11 for departments), in kanji with kinsoku punctuation, upper- and lower-case Latin and digits.
    /// </summary>
    private static BookletDocument EdgeOfTheWidthRule(BookletDocument r6, params int[] plansPerField)
    {
        string[] pools =
        [
            "市民の気持ちに寄り添える福祉相談を目指そう（庁内連携とアセスメントシートの共通化）、「一歩先へ」。",
            "ICT機器とWEBアンケートを活用したDX推進（SNS・AI・RPA）MMWW",
            "online申請とcashless決済のwebsite更新、portal改善のmmww",
            "2024年度の100%達成に向けた3か年計画、No.1を目指す@&",
        ];
        string[] departments = [Fill("企画課、情報システム課、財政課、", 11), Fill("支所市民福祉課、農業委員会事務局", 11), "企画課"];
        var enlarged = LargerBooklets.Enlarge(r6, plansPerField);
        var fields = enlarged.Fields
            .Select(f => f with
            {
                Sheets = f.Sheets.Select((s, i) => s with
                {
                    Name = Fill(pools[i % pools.Length], (i / pools.Length) % 2 == 0 ? BookletLayout.NameColumnCharacters : 2 * (BookletLayout.NameColumnCharacters - 1)),
                    ExecutingDepartments = [departments[i % departments.Length]],
                }).ToList(),
            })
            .ToList();
        return (enlarged with { Fields = fields }).Paginate();
    }

    /// <summary>The characters of <paramref name="pool"/>, repeated, up to <paramref name="units"/> full-width units.</summary>
    private static string Fill(string pool, double units)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; PrintedText.Units(text.ToString() + pool[i % pool.Length]) <= units; i++)
        {
            text.Append(pool[i % pool.Length]);
        }

        return text.ToString();
    }
}
