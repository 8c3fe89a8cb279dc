using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Workbook;

/// <summary>
/// Saves a previewed import as ordinary report edits — the same department check, the same workflow rules (drafts
/// only; 提出済 and 確認済 refuse), the same version rule — all or nothing, in one transaction.
/// </summary>
public sealed class ConfirmImportHandler(AppDbContext db, EditionResolver editions, PendingImportStore store, WorkbookImportRules rules)
{
    public async Task<UseCaseResult<WorkbookPreviewViewModel>> ConfirmAsync(WorkbookConfirmRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var import = await store.LoadAsync(request.Id, userId, ct);
        var context = import is null ? null : await editions.ResolveAsync(import.Year, ct);
        if (import is null || context is null || !await store.DeleteAsync(request.Id!, ct))
        {
            var fallback = await editions.ResolveAsync(null, ct);
            var expired = $"この取り込みは有効期限（{(int)store.Lifetime.TotalMinutes}分）が切れたか、すでに保存または取り消しが済んでいます。もう一度ファイルを取り込んでください。";
            return new UseCaseResult<WorkbookPreviewViewModel>(
                UseCaseStatus.Gone,
                new WorkbookPreviewViewModel(fallback, string.Empty, MyPlansLink.Plain, [expired, WorkbookImportRules.NothingSaved]) { AtConfirmation = true })
            { Errors = [expired] };
        }

        var year = context.Year;
        var returnTo = WorkbookImportRules.ReturnTo(context, import.ReturnDepartment);
        var problems = new List<WorkbookProblem>();
        var plans = await rules.LoadPlansAsync(import.Plans.Select(p => p.PlanId).ToList(), tracked: true, ct);
        foreach (var change in import.Plans)
        {
            var plan = plans.GetValueOrDefault(change.PlanId);
            if (plan is null || !plan.IsRunningIn(year))
            {
                problems.Add(new(change.Sheet, null, $"この計画はシステムに見つからないか、{year.JapaneseName}の実施期間外です。"));
                continue;
            }

            if (!await rules.MayEditAsync(user, plan))
            {
                problems.Add(new(change.Sheet, null, "この計画の年度末報告を編集する権限がありません。"));
                continue;
            }

            var refusals = await rules.RefusalsAsync(change.Sheet, change.Cell, year, plan, change.ContentFingerprint, null, change.ReportVersion, ct);
            if (refusals.Count > 0)
            {
                problems.AddRange(refusals);
                continue;
            }

            try
            {
                var grade = EvaluationGrades.TryParse(change.Grade, out var g) ? g : (EvaluationGrade?)null;
                var report = plan.ReportForOrCreate(year);

                // The workbook carries no 実績値 and no 評価の説明; the ones recorded on screen are kept, and the grade rules
                // of the form apply to them (ADR 0028).
                report.SaveDraft(user.ToReportActor(PlanResource.Of(plan)), change.StatusReport, grade, change.NextYearPolicy, report.ActualValue,
                    plan.QuantityFor(year), report.GradeExplanation);
            }
            catch (DomainException e)
            {
                problems.Add(new(change.Sheet, null, e.Message));
            }
        }

        UseCaseResult<WorkbookPreviewViewModel> Refused(IEnumerable<string> errors)
        {
            // Refused at confirmation, after a preview: the plans changed in between (409).
            db.ChangeTracker.Clear();
            var list = errors.ToList();
            return UseCaseResult.Conflict(
                new WorkbookPreviewViewModel(context, import.FileName, returnTo,
                    [.. list, "1件でも保存できない計画があるため、" + WorkbookImportRules.NothingSaved + "最新のファイルをダウンロードし直して、入力し直してください。"])
                {
                    AtConfirmation = true,
                },
                list);
        }

        if (problems.Count > 0)
        {
            return Refused(problems.Select(p => p.ToString()));
        }

        try
        {
            // One SaveChanges: one transaction, with the history written by the interceptor inside it.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refused(["保存の途中で、他の人が同じ報告を更新しました。"]);
        }

        var numbers = string.Join("、", import.Plans.Select(p => p.Sheet));
        return UseCaseResult.Ok(new WorkbookPreviewViewModel(context, import.FileName, returnTo, [])
        {
            Notice = $"Excelから{import.Plans.Count}件の計画（{numbers}）の年度末報告を下書きとして保存しました。提出は各計画の年度末報告の画面から行ってください。",
        });
    }
}
