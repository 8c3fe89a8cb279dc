using System.Globalization;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf;
using Honjo.GyoseiKaikaku.Infrastructure.Summaries;
using Honjo.GyoseiKaikaku.Web.Features.Booklets;

namespace Honjo.GyoseiKaikaku.Web.Features.Summary;

public sealed record SummaryFile(byte[] Content, string ContentType, string FileName);

public sealed record SummaryPrintModel(SummaryViewModel Summary, string Css);

/// <summary>The summary as a workbook (its tables) and as one A4 page for the 行政改革審議会.</summary>
public sealed class SummaryExportService(
    SummaryQuery query, ISummaryWorkbookWriter workbooks, RazorHtmlRenderer razor, IPdfEngine engine, IWebHostEnvironment environment)
{
    // Shrinks the page's content to the printable height of one A4 page (297mm less 10mm + 10mm margins), never cuts it.
    private const string FitScript = """
        () => {
            const available = (297 - 20) * 96 / 25.4 * 0.98;
            const page = document.querySelector('.summary-page');
            const height = page.getBoundingClientRect().height;
            if (height > available) {
                page.style.zoom = String(Math.floor(available / height * 1000) / 1000);
            }
        }
        """;

    public async Task<SummaryFile?> ExcelAsync(SummaryRequest request, CancellationToken ct)
    {
        var model = await query.HandleAsync(request, ct);
        return model is null
            ? null
            : new SummaryFile(
                workbooks.Write(Tables(model)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"評価集計_{model.Year.Code}.xlsx");
    }

    public async Task<SummaryFile?> PdfAsync(SummaryRequest request, CancellationToken ct)
    {
        var model = await query.HandleAsync(request, ct);
        if (model is null)
        {
            return null;
        }

        var css = await ReadCssAsync("css/summary-print.css");
        var html = await razor.RenderAsync("/Features/Summary/Print.cshtml", new SummaryPrintModel(model, css));
        var pdf = await engine.RenderAsync(new PdfRequest(html, FitScript), ct);
        var pages = PdfPages.Count(pdf);
        if (pages != 1)
        {
            throw new InvalidOperationException($"The summary PDF has {pages.ToString(CultureInfo.InvariantCulture)} pages instead of one.");
        }

        return new SummaryFile(pdf, "application/pdf", $"評価集計_{model.Year.Code}.pdf");
    }

    public static IReadOnlyList<SummaryTable> Tables(SummaryViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var year = model.Year.JapaneseName;
        var gradeHeaders = GradeColumn.All.Select(c => c.Label).Append("計").ToList();
        var tables = new List<SummaryTable>
        {
            Distribution("全体", $"{year} 年度末評価の分布（全体）", "区分", [model.Overall], gradeHeaders,
                $"{year}に実施中の計画{model.PlanCount.ToString(CultureInfo.InvariantCulture)}件。評価は企画課が確認済のもの。"),
        };
        tables.AddRange(model.Breakdowns.Select(b => Distribution(b.Title, $"{year} 年度末評価の分布（{b.Title}）", b.RowHeader, b.Rows, gradeHeaders, b.Note)));

        if (model.YearOverYear is { } yoy)
        {
            var rows = yoy.Improved.Select(c => Change("上昇", c)).Concat(yoy.Fell.Select(c => Change("低下", c))).ToList();
            tables.Add(new SummaryTable("前年度比較", $"{yoy.Previous.JapaneseName}から{year}への評価の変化", ["変化", "番号", "計画名", yoy.Previous.Code, model.Year.Code], rows,
                $"上昇{yoy.Improved.Count.ToString(CultureInfo.InvariantCulture)}件、低下{yoy.Fell.Count.ToString(CultureInfo.InvariantCulture)}件、変化なし{yoy.Unchanged.ToString(CultureInfo.InvariantCulture)}件、比較できない計画{yoy.NotCompared.ToString(CultureInfo.InvariantCulture)}件"));
        }

        // The 企画課's 二次評価 beside the self-grades, and where they differ (ADR 0028).
        var second = model.SecondGrades;
        tables.Add(new SummaryTable("二次評価", $"{year} 部署の評価と企画課の二次評価", ["番号", "計画名", "改革分野", "実行課", "部署の評価", "二次評価", "二次評価の理由"],
            second.Differences.Select(d => (IReadOnlyList<SummaryCell>)[d.Number.ToString(), d.Name, d.Field, d.Departments, d.Grade?.ToString() ?? "未評価", d.SecondGrade.ToString(), d.Reason]).ToList(),
            $"確認済の報告{second.SelfGrades.Total.ToString(CultureInfo.InvariantCulture)}件のうち、二次評価あり{(second.SecondGrades.Total - second.SecondGrades.Ungraded).ToString(CultureInfo.InvariantCulture)}件、部署の評価と異なるもの{second.Differences.Count.ToString(CultureInfo.InvariantCulture)}件（この表）。"));

        tables.Add(new SummaryTable("報告の進捗", $"{year} 年度末報告の進捗", ["状況", "計画数"],
            model.Progress.Select(p => (IReadOnlyList<SummaryCell>)[p.Status.DisplayName(), p.Count]).ToList()));
        return tables;
    }

    private static SummaryTable Distribution(string sheet, string title, string rowHeader, IEnumerable<SummaryRow> rows, IReadOnlyList<string> gradeHeaders, string? note) =>
        new(sheet, title, [rowHeader, .. gradeHeaders],
            rows.Select(r => (IReadOnlyList<SummaryCell>)[r.Label, r.Counts.A, r.Counts.B, r.Counts.C, r.Counts.Ungraded, r.Counts.Total]).ToList(),
            note);

    private static List<SummaryCell> Change(string kind, GradeChange change) =>
        [kind, change.Number.ToString(), change.Name, change.From.ToString(), change.To.ToString()];

    private async Task<string> ReadCssAsync(string name)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(name);
        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
