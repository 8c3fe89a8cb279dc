using System.Globalization;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Booklets.Pdf;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests.Booklets;

/// <summary>The R6 booklet as the app reads it, laid out natively (ADR 0036) and written as one tagged PDF.</summary>
public sealed class NativeBooklet : IAsyncLifetime
{
    public ReaderApp App { get; } = new();

    public BookletDocument Booklet { get; private set; } = null!;

    public FontFamily Fonts { get; } = FontFamily.Load(Path.Combine(RepoPaths.Root, "src", "Honjo.GyoseiKaikaku.Infrastructure", "Pdf", "Fonts"));

    public byte[] Pdf { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        Booklet = (await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;
        Pdf = Write(Booklet);
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts"));
        await File.WriteAllBytesAsync(Path.Combine(RepoPaths.Root, "artifacts", "booklet-R6-native.pdf"), Pdf);
    }

    public byte[] Write(BookletDocument booklet) =>
        TaggedPdfWriter.Write(new BookletPdfLayout(Fonts).Pages(booklet), Fonts, booklet.DocumentTitle);

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class BookletPdfLayoutTests(NativeBooklet native) : IClassFixture<NativeBooklet>
{
    /// <summary>The page number's band: the 16 mm bottom margin (Chromium's 60 px), in PDF coordinates (from the foot).</summary>
    private const double BottomMargin = 45;

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void Every_page_reads_as_the_chromium_booklet_did()
    {
        var difference = BookletText.Difference(BookletText.R6Baseline(), BookletText.PerPage(native.Pdf));

        Assert.True(difference is null, difference);
    }

    [Fact]
    public void Bookmarks_lead_to_each_field_and_under_it_each_of_its_plans()
    {
        using var pdf = PdfDocument.Open(native.Pdf);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks), "The PDF has no bookmarks.");

        var fields = bookmarks.Roots.OfType<DocumentBookmarkNode>().ToList();
        Assert.Equal(native.Booklet.Fields.Select(f => (f.Heading, f.Page)), fields.Select(b => (b.Title, b.PageNumber)));
        foreach (var (field, node) in native.Booklet.Fields.Zip(fields))
        {
            Assert.Equal(
                field.Sheets.Select(s => ($"{s.Number} {s.Name}", s.Page)),
                node.Children.OfType<DocumentBookmarkNode>().Select(b => (b.Title, b.PageNumber)));
        }
    }

    [Fact]
    public void Every_sheet_fits_above_the_bottom_margin_and_inside_the_side_margins()
    {
        using var pdf = PdfDocument.Open(native.Pdf);
        foreach (var page in pdf.GetPages().Skip(native.Booklet.Contents.FirstSheetPage - 1))
        {
            var letters = page.Letters.Where(l => !char.IsWhiteSpace(l.Value[0])).ToList();
            var number = letters.Where(l => l.StartBaseLine.Y < BottomMargin).ToList();
            Assert.Equal(page.Number.ToString(CultureInfo.InvariantCulture), string.Concat(number.Select(l => l.Value)));

            var sheet = letters.Except(number).ToList();
            Assert.All(sheet, l => Assert.InRange(l.StartBaseLine.X, 28, 568));
            Assert.All(sheet, l => Assert.InRange(l.EndBaseLine.X, 28, 568));
            var lowest = sheet.Min(l => l.BoundingBox.Bottom);
            Assert.True(lowest >= BottomMargin - 1, $"Page {page.Number} runs into the bottom margin (lowest glyph at {lowest:0.0} pt).");
        }
    }

    [Fact]
    public void A_sheet_taller_than_the_page_is_shrunk_to_fit_with_all_its_text()
    {
        var field = native.Booklet.Fields[0];
        var sheet = field.Sheets[0];
        var actions = Enumerable.Range(1, 40).Select(i => $"○取組{i}：窓口等にアンケートBOXを一定の期間設置し、市民意見を聴取します。").ToList();
        var tall = native.Booklet with { Fields = [field with { Sheets = [sheet with { Actions = actions }] }] };
        var pdfBytes = native.Write(tall.ForPlan(sheet.Number));

        using var pdf = PdfDocument.Open(pdfBytes);
        var page = Assert.Single(pdf.GetPages());
        var letters = page.Letters.Where(l => !char.IsWhiteSpace(l.Value[0]) && l.StartBaseLine.Y >= BottomMargin).ToList();
        var text = string.Concat(letters.Select(l => l.Value));
        Assert.NotEmpty(sheet.Remarks);
        Assert.All(actions, a => Assert.Contains(a, text, StringComparison.Ordinal));
        Assert.EndsWith(string.Concat(string.Concat(sheet.Remarks).Where(c => !char.IsWhiteSpace(c))), text, StringComparison.Ordinal);

        // Shrunk, not cut: the foot of the sheet sits just above the bottom margin, its glyphs smaller than 9 pt.
        Assert.InRange(letters.Min(l => l.BoundingBox.Bottom), BottomMargin - 1, BottomMargin + 15);
        var body = letters.First(l => l.Value == "○");
        Assert.InRange(body.PointSize, 3, 8.5);
    }

    [Fact]
    public void A_contents_of_several_pages_prints_each_page_as_BookletContents_cut_it()
    {
        var big = LargerBooklets.Repeat(native.Booklet, 3);
        var contents = big.Contents;
        Assert.True(contents.Pages.Count >= 3, "The enlarged 目次 should take three pages or more.");
        Assert.Contains(contents.Pages.SelectMany(p => p.Blocks), b => b.Continued);

        var pdfBytes = native.Write(big);
        var pages = BookletText.PerPage(pdfBytes);

        Assert.Equal(big.PageCount, pages.Count);
        using (var pdf = PdfDocument.Open(pdfBytes))
        {
            foreach (var page in contents.Pages)
            {
                // Below the margin's top only the page number: no row of the 目次 runs into it.
                var letters = pdf.GetPage(page.Page).Letters.Where(l => !char.IsWhiteSpace(l.Value[0])).ToList();
                Assert.Equal(page.Page.ToString(CultureInfo.InvariantCulture), string.Concat(letters.Where(l => l.BoundingBox.Bottom < BottomMargin).Select(l => l.Value)));
            }
        }

        var fields = big.Fields.ToDictionary(f => f.Number);
        foreach (var page in contents.Pages)
        {
            var expected = new List<string> { page.Page.ToString(CultureInfo.InvariantCulture) };
            if (page.HasTitle)
            {
                expected.Add("目次");
            }

            foreach (var block in page.Blocks)
            {
                var field = fields[block.FieldNumber];
                expected.Add(block.Continued ? field.ContinuedHeading : field.Heading + field.Page.ToString(CultureInfo.InvariantCulture));
                expected.Add("番号計画名実行課開始終了頁");
                expected.AddRange(field.Sheets.Skip(block.Start).Take(block.Count)
                    .Select(s => $"{s.Number.Number}{s.Name}{s.ExecutingDepartmentsText}{s.StartYear}{s.EndYear}{s.Page}"));
            }

            Assert.Equal(Squash(string.Concat(expected)), pages[page.Page - 1]);
        }
    }

    [Fact]
    public void Grades_results_and_a_report_print_as_the_sheet_shows_them()
    {
        var field = native.Booklet.Fields[0];
        var sheet = field.Sheets[0];
        var target = sheet.Targets.Single(t => t.Year == sheet.ReportYear) with
        {
            Quantity = new TargetQuantity("満足・やや満足と回答した割合", 80, "%", TargetDirection.AtLeast),
            Actual = 85,
        };
        var graded = sheet with
        {
            StatusReport = "窓口アンケートを実施しました。\n満足度は85%でした。",
            Grade = EvaluationGrade.A,
            SecondGrade = EvaluationGrade.B,
            EarlierGrades = [new BookletGrade(sheet.ReportYear.Previous, EvaluationGrade.B) { SecondGrade = EvaluationGrade.C }],
            Targets = sheet.Targets.Select(t => t.Year == target.Year ? target : t).ToList(),
        };
        var booklet = native.Booklet with { Fields = [field with { Sheets = [graded] }] };

        var text = Assert.Single(BookletText.PerPage(native.Write(booklet.ForPlan(sheet.Number))));

        Assert.False(string.IsNullOrEmpty(target.ResultText));
        Assert.Contains(Squash(string.Concat(target.Lines) + target.ResultText), text, StringComparison.Ordinal);
        Assert.Contains(
            Squash($"{graded.StatusReportHeading}窓口アンケートを実施しました。満足度は85%でした。"
                + $"年度末評価A（二次評価：B）（前年度までの評価：{sheet.ReportYear.Previous.Code}年度 B（二次評価 C））{graded.NextYearPolicyHeading}"),
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_booklet_without_plans_is_its_cover_and_a_contents_page_with_only_the_title()
    {
        var empty = (native.Booklet with { Fields = [] }).Paginate();

        var pages = BookletText.PerPage(native.Write(empty));

        Assert.Equal(2, pages.Count);
        Assert.Equal("1" + Squash($"{empty.OutlineTitle}{empty.EditionTitle}<{empty.PeriodLabel}>{empty.IssuedLabel}本庄市"), pages[0]);
        Assert.Equal("2目次", pages[1]);
    }

    [Fact]
    public void A_report_keeps_its_line_breaks_and_blank_lines()
    {
        var field = native.Booklet.Fields[0];
        var sheet = field.Sheets[0] with { StatusReport = "甲の報告\n\n丙の報告" };
        var booklet = native.Booklet with { Fields = [field with { Sheets = [sheet] }] };

        using var pdf = PdfDocument.Open(native.Write(booklet.ForPlan(sheet.Number)));

        var letters = pdf.GetPage(1).Letters;
        var first = letters.Single(l => l.Value == "甲");
        var third = letters.Single(l => l.Value == "丙");
        Assert.Equal(first.StartBaseLine.X, third.StartBaseLine.X, 2);

        // Two 9 pt lines of line-height 1.4 apart: the blank line between them is kept.
        Assert.Equal(2 * 9 * 1.4, first.StartBaseLine.Y - third.StartBaseLine.Y, 1);
    }

    [Fact]
    public void A_single_plan_pdf_is_its_sheet_alone_numbered_as_in_the_booklet()
    {
        var sheet = native.Booklet.Sheets.Single(s => s.Number == new PlanNumber(2, 11));
        var single = native.Write(native.Booklet.ForPlan(sheet.Number));

        var text = Assert.Single(BookletText.PerPage(single));
        Assert.Equal(BookletText.R6Baseline()[sheet.Page - 1], text);
        using var pdf = PdfDocument.Open(single);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks), "The PDF has no bookmarks.");
        var bookmark = Assert.Single(bookmarks.Roots.OfType<DocumentBookmarkNode>());
        Assert.Equal(($"{sheet.Number} {sheet.Name}", 1), (bookmark.Title, bookmark.PageNumber));
    }

    [Fact]
    public void A_fields_first_sheet_alone_has_no_field_heading()
    {
        var sheet = native.Booklet.Fields[1].Sheets[0];
        var single = native.Write(native.Booklet.ForPlan(sheet.Number));

        var text = Assert.Single(BookletText.PerPage(single));
        var inBooklet = BookletText.R6Baseline()[sheet.Page - 1];
        var fieldHeading = string.Concat(native.Booklet.Fields[1].Heading.Where(c => !char.IsWhiteSpace(c)));
        var page = sheet.Page.ToString(CultureInfo.InvariantCulture);
        Assert.StartsWith(page + fieldHeading, inBooklet, StringComparison.Ordinal);
        Assert.Equal(page + inBooklet[(page.Length + fieldHeading.Length)..], text);
    }
}
