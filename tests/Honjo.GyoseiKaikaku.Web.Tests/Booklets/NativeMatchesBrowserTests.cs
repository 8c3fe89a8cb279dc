using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Honjo.GyoseiKaikaku.Web.Features.Booklets;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>
/// The booklet the application writes (ADR 0036) reads as the browser prints the same HTML, page by page, for
/// everything a sheet can hold beyond R6's draft: reports of several paragraphs, grades with 二次評価 and earlier
/// grades, numeric targets with their 実績, Latin words and URLs, remarks, and texts long enough to shrink the sheet.
/// (Much longer reports break the browser's route: a sheet with a 30-paragraph report printed over more than one page
/// there, and the export refuses a booklet whose pages do not match its 目次. The native route is tested alone with the
/// longest report allowed.)
/// </summary>
public sealed class NativeMatchesBrowserTests
{
    [Fact]
    public async Task A_booklet_with_every_kind_of_content_reads_the_same_on_both_routes()
    {
        using var app = AppFactory.Create(new());
        await using var scope = app.Services.CreateAsyncScope();
        var r6 = (await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;
        var booklet = Filled(r6);

        var native = await scope.ServiceProvider.GetRequiredService<NativeBookletPdfRenderer>().RenderAsync(booklet, default);
        var browser = await scope.ServiceProvider.GetRequiredService<BookletPdfRenderer>().RenderAsync(booklet, default);
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts"));
        await File.WriteAllBytesAsync(Path.Combine(RepoPaths.Root, "artifacts", "booklet-filled-native.pdf"), native);
        await File.WriteAllBytesAsync(Path.Combine(RepoPaths.Root, "artifacts", "booklet-filled-chromium.pdf"), browser);

        // The browser's route copies 戸 out as its variant 戶 in some renders (its ToUnicode comes from Chromium's
        // shaping, ToUnicodeNormalizer; which code point depends on what the process printed before). The native route
        // copies what was written. That one variant is folded on the browser's side; every other character must match.
        static string Fold(string text) => text.Replace('戶', '戸');
        var expected = BookletText.PerPage(browser).Select(Fold).ToList();
        var actual = BookletText.PerPage(native);
        var differing = BookletText.DifferingPages(expected, actual);
        Assert.True(differing.Count == 0, differing.Count == 0 || differing[0] == 0
            ? $"{actual.Count} pages written, the browser printed {expected.Count}."
            : $"Pages {string.Join(", ", differing)} differ. Page {differing[0]}:\nbrowser {BookletText.PerPage(browser)[differing[0] - 1]}\nnative  {BookletText.PerPage(native)[differing[0] - 1]}");

        // The longer reports read in full on their one page.
        var longSheet = booklet.Sheets.First(s => s.StatusReport.StartsWith("第1段落", StringComparison.Ordinal));
        using var pdf = PdfDocument.Open(native);
        Assert.Contains("第12段落", Squash(pdf.GetPage(longSheet.Page).Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_of_the_longest_length_allowed_shrinks_its_sheet_onto_one_page_and_reads_in_full()
    {
        using var app = AppFactory.Create(new());
        await using var scope = app.Services.CreateAsyncScope();
        var r6 = (await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;
        var paragraph = "窓口の混雑状況を毎月調査し、繁忙期（3月・4月）には臨時窓口を設けました。";
        var report = string.Join("\n", Enumerable.Range(1, 200).Select(n => $"第{n}段落：{paragraph}"))[..YearEndReport.MaxTextLength];
        var policy = new string('策', YearEndReport.MaxTextLength);
        var booklet = r6 with
        {
            Fields = r6.Fields.Select(f => f with
            {
                Sheets = f.Sheets.Select(s => s.Number.ToString() == "1-9" ? s with { StatusReport = report, NextYearPolicy = policy, Grade = EvaluationGrade.B } : s).ToList(),
            }).ToList(),
        };

        var native = await scope.ServiceProvider.GetRequiredService<NativeBookletPdfRenderer>().RenderAsync(booklet, default);

        using var pdf = PdfDocument.Open(native);
        Assert.Equal(r6.PageCount, pdf.NumberOfPages);
        var sheet = booklet.Sheets.Single(s => s.Number.ToString() == "1-9");
        var page = pdf.GetPage(sheet.Page);
        var text = Squash(page.Text);
        Assert.Contains(Squash(report), text, StringComparison.Ordinal);
        Assert.Contains(policy, text, StringComparison.Ordinal);
        Assert.Contains($"計画番号{sheet.Number}・{sheet.Page}頁", text, StringComparison.Ordinal);
        Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Bottom, 0, page.Height));
        Assert.True(page.Letters.Where(l => l.Value == "策").Max(l => l.PointSize) < 5, "The sheet was not shrunk to fit.");
    }

    [Fact]
    public async Task Text_the_font_cannot_draw_or_that_is_not_text_still_writes_the_booklet()
    {
        using var app = AppFactory.Create(new());
        await using var scope = app.Services.CreateAsyncScope();
        var r6 = (await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;
        string[] hostile =
        [
            "絵文字😀👍🏽と結合文字か\u3099、制御文字\u0000\u0007\t、単独サロゲート\uD800、右から左\u202Eabc\u202C、ゼロ幅\u200B\u2060\uFEFF",
            new string('x', 3000),
            "https://example.jp/" + new string('a', 500) + "?q=" + new string('%', 300),
        ];
        var booklet = r6 with
        {
            Fields = r6.Fields.Select(f => f with
            {
                Sheets = f.Sheets.Select((s, i) => i < hostile.Length ? s with { StatusReport = hostile[i], NextYearPolicy = hostile[^(i + 1)], Remarks = [hostile[i]] } : s).ToList(),
            }).ToList(),
        };

        var native = await scope.ServiceProvider.GetRequiredService<NativeBookletPdfRenderer>().RenderAsync(booklet, default);

        using var pdf = PdfDocument.Open(native);
        Assert.Equal(r6.PageCount, pdf.NumberOfPages);
        var first = booklet.Sheets.First();
        var text = Squash(pdf.GetPage(first.Page).Text);
        Assert.Contains("絵文字", text, StringComparison.Ordinal);
        Assert.Contains("右から左", text, StringComparison.Ordinal);
        Assert.Contains(new string('x', 3000), Squash(pdf.GetPage(booklet.Sheets.ElementAt(1).Page).Text), StringComparison.Ordinal);
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static BookletDocument Filled(BookletDocument booklet)
    {
        var r5 = new FiscalYear(5);
        var index = 0;
        return booklet with
        {
            Fields = booklet.Fields.Select(f => f with
            {
                Sheets = f.Sheets.Select(s => Fill(s, index++, r5)).ToList(),
            }).ToList(),
        };
    }

    private static BookletSheet Fill(BookletSheet sheet, int i, FiscalYear r5)
    {
        var grades = new[] { EvaluationGrade.A, EvaluationGrade.B, EvaluationGrade.C };
        var report = (i % 9) switch
        {
            0 => string.Join("\n", Enumerable.Range(1, 12).Select(n => $"第{n}段落：窓口の混雑状況を毎月調査し、繁忙期（3月・4月）には臨時窓口を設けました。")),
            1 => "庁内研修を2回実施しました（参加者計48人）。\n\n次年度はオンライン研修（e-Learning）に切り替えます。",
            2 => "RPA・AI-OCRの導入により、年間約1,200時間の事務を削減しました。詳細はhttps://www.city.honjo.lg.jp/soshiki/kikaku/を参照。",
            3 => "「本庄市オンライン窓口」の利用件数は前年度比120％となり、目標を上回りました。",
            _ => "計画どおり実施しました。",
        };
        var targets = sheet.Targets.Select((t, k) => k == 0 && i % 4 == 0
            ? t with { Quantity = new TargetQuantity("利用件数", 1000m, "件", TargetDirection.AtLeast), Actual = 1234m }
            : k == 1 && i % 4 == 1
                ? t with { Quantity = new TargetQuantity("処理日数", 5m, "日", TargetDirection.AtMost), Actual = 7m }
                : t).ToList();
        return sheet with
        {
            StatusReport = report,
            Grade = grades[i % 3],
            SecondGrade = i % 2 == 0 ? grades[(i + 1) % 3] : null,
            NextYearPolicy = i % 5 == 0 ? "DXを推進し、ペーパーレス会議（タブレット端末）を全庁に広げます。\n・会議資料の電子化\n・決裁の電子化" : "引き続き取り組みます。",
            EarlierGrades = i % 3 == 0 ? [new BookletGrade(r5, EvaluationGrade.B) { SecondGrade = EvaluationGrade.A }] : sheet.EarlierGrades,
            Remarks = i % 6 == 0 ? [.. sheet.Remarks, "計画変更（令和6年度）：達成目標を見直しました。", "連携課を追加しました。"] : sheet.Remarks,
            Targets = targets,
        };
    }
}
