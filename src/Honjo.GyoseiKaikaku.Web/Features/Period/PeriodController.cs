using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Summaries;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Period;

/// <summary>
/// The five-year view of a plan and the 総括 of the period: open to every signed-in user (the fallback policy), like
/// the sheets and the summary; unaccepted reports show only to those the query filter lets read them.
/// </summary>
public sealed class PeriodController(PlanPeriodQuery plan, PeriodReviewQuery review, ISummaryWorkbookWriter workbooks) : Controller
{
    [HttpGet("/plans/{id}/period")]
    public async Task<IActionResult> Plan(string id, CancellationToken ct)
    {
        if (!PlanNumber.TryParse(id, out var number))
        {
            return NotFound();
        }

        var model = await plan.HandleAsync(number, ct);
        return model is null ? this.PlanNotFound(number) : View(model);
    }

    [HttpGet("/summary/period")]
    public async Task<IActionResult> Review(CancellationToken ct) => View(await review.HandleAsync(ct));

    [HttpGet("/summary/period.xlsx")]
    public async Task<IActionResult> ReviewExcel(CancellationToken ct)
    {
        var model = await review.HandleAsync(ct);
        return File(
            workbooks.Write(Tables(model)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"期間の総括_{model.StartYear.Code}-{model.EndYear.Code}.xlsx");
    }

    public static IReadOnlyList<SummaryTable> Tables(PeriodReviewViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        IReadOnlyList<SummaryCell> Counts(PeriodReviewRow r) =>
            [r.Label, r.Plans, r.Added, r.Completed, r.Abolished, r.Merged, r.GradeA, r.GradeB, r.GradeC, r.NotGraded, r.MetRate, r.NumericTargets, r.NumericMet];
        var period = $"{model.StartYear.JapaneseName}～{model.EndYear.JapaneseName}";
        var note = model.IsFinal
            ? "最終年度の評価は、各計画の達成目標年度（途中で終了した計画は終了した年度）の確認済の年度末評価です。"
            : $"{model.EndYear.JapaneseName}の実績が確定するまでは中間集計です。最終年度の評価は、各計画の達成目標年度（途中で終了した計画は終了した年度）の確認済の年度末評価で、まだないものは未評価に数えます。";
        return
        [
            new SummaryTable(
                "改革分野別",
                $"{model.OutlineTitle} {model.Heading}（{period}）",
                ["改革分野", "計画数", "うち期間中に追加", "完了", "廃止", "統合", "最終評価A", "最終評価B", "最終評価C", "未評価", "A（目標を達成）の割合", "数値目標あり", "うち実績値で達成"],
                [.. model.Fields.Select(Counts), Counts(model.Total)],
                note),
            new SummaryTable(
                "計画別",
                $"{model.OutlineTitle} {model.Heading} 計画別（{period}）",
                ["番号", "計画名", "改革分野", "実行課", "区分", "終了", "最終年度", "最終年度の目標", "実績値", "達成率", "最終評価", "二次評価"],
                [.. model.Plans.Select(p => (IReadOnlyList<SummaryCell>)
                [
                    p.Number.ToString(), p.Name, p.FieldName, p.Departments, p.AddedDuringPeriod ? "期間中に追加" : "当初から",
                    p.EndKind?.DisplayName() ?? string.Empty, p.FinalYear.Code, p.FinalTarget,
                    p.Achievement is { } a ? TargetFormat.Amount(a.Actual, a.Target.Unit) : string.Empty,
                    p.Achievement?.RateText ?? string.Empty, p.FinalGrade?.ToString() ?? "未評価", p.FinalSecondGrade?.ToString() ?? string.Empty,
                ])],
                note),
        ];
    }
}
