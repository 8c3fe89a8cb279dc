using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Workbook;

/// <summary>
/// An uploaded department workbook: the file checked (size, zip bomb, layout, edition, departments), every plan sheet
/// compared with the plan as it is now, and what would change shown and kept for confirmation
/// (<see cref="ConfirmImportHandler"/>). Nothing is saved here.
/// </summary>
public sealed class PreviewImportHandler(
    EditionResolver editions, UploadGuard guard, IDepartmentWorkbookReader reader, PendingImportStore store, WorkbookImportRules rules, TimeProvider clock)
{
    public Task<UseCaseResult<WorkbookPreviewViewModel>> PreviewAsync(WorkbookUploadRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return editions.RunAsync(request.Year, context => PreviewAsync(context, request, user, ct), ct);
    }

    private async Task<UseCaseResult<WorkbookPreviewViewModel>> PreviewAsync(EditionContext context, WorkbookUploadRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var returnTo = WorkbookImportRules.ReturnTo(context, request.Department);
        var fileName = Path.GetFileName(request.File?.FileName ?? string.Empty);
        var read = await ReadAsync(request.File, context, ct);
        if (read.Workbook is not { } workbook)
        {
            return UseCaseResult.Invalid(Page(context, fileName, returnTo, read.Problems.Select(p => p.ToString())), [.. read.Problems.Select(p => p.ToString())]);
        }

        if (!workbook.Departments.All(d => user.ActsFor(d.Id)))
        {
            var own = await rules.DepartmentNamesAsync(user.DepartmentIds(), ct);
            string[] refusal = [$"このファイルは「{string.Join("、", workbook.Departments.Select(d => d.Name))}」の計画のファイルです。あなたの担当部署（{own}）のファイルではないため、取り込めません。"];
            return new UseCaseResult<WorkbookPreviewViewModel>(UseCaseStatus.Forbidden, Page(context, fileName, returnTo, refusal)) { Errors = refusal };
        }

        var compared = await CompareAsync(workbook, context.Year, user, ct);
        var model = Page(context, fileName, returnTo, []) with
        {
            Departments = string.Join("、", workbook.Departments.Select(d => d.Name)),
            DownloadedAt = workbook.DownloadedAt,
            DownloadedBy = workbook.UserName,
            LifetimeMinutes = (int)store.Lifetime.TotalMinutes,
        };
        var problems = read.Problems.Concat(compared.Problems).Select(p => p.ToString()).ToList();
        if (problems.Count > 0)
        {
            return new UseCaseResult<WorkbookPreviewViewModel>(
                compared.Forbidden ? UseCaseStatus.Forbidden : UseCaseStatus.Invalid,
                model with { Errors = [.. problems, WorkbookImportRules.NothingSaved] })
            { Errors = problems };
        }

        string? id = null;
        if (compared.Pending.Count > 0)
        {
            id = await store.SaveAsync(new PendingImport(
                user.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow(), context.Year.Code, fileName, request.Department, compared.Pending), ct);
        }

        return UseCaseResult.Ok(model with { Changes = compared.Changes, Unchanged = compared.Unchanged, Notes = compared.Notes, PendingId = id });
    }

    private static WorkbookPreviewViewModel Page(EditionContext context, string fileName, MyPlansLink returnTo, IEnumerable<string> errors)
    {
        var list = errors.ToList();
        return new WorkbookPreviewViewModel(context, fileName, returnTo, list.Count == 0 ? [] : [.. list, WorkbookImportRules.NothingSaved]);
    }

    /// <summary>The file as a workbook of the edition's year, or the reasons it is not one (nothing read beyond the first).</summary>
    private async Task<WorkbookReadResult> ReadAsync(IFormFile? upload, EditionContext context, CancellationToken ct)
    {
        static WorkbookReadResult Refused(string message) => new(null, [WorkbookProblem.File(message)]);

        if (upload is not { Length: > 0 } file)
        {
            return Refused("取り込むExcelファイルを選んでください。");
        }

        // The year's reports are entered between 計画の公表 and 実績の確定: say so before reading anything.
        if (WorkbookImportRules.EntryRefusal(context) is { } closed)
        {
            return Refused(closed);
        }

        if (guard.IsTooLarge(file.Length))
        {
            return Refused(guard.TooLargeMessage(file.Length));
        }

        byte[] content;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var check = guard.Check(content);
        if (!check.IsAccepted)
        {
            return Refused(check.Message!);
        }

        var read = reader.Read(content);
        var year = context.Year;
        if (read.Workbook is { } workbook && workbook.Year != year)
        {
            return Refused($"このファイルは{workbook.Year.JapaneseName}版（{workbook.Year.JapaneseName}の年度末報告）のものです。{year.JapaneseName}の報告には、{year.JapaneseName}版のファイルをダウンロードして使ってください。");
        }

        return read;
    }

    private sealed record Comparison(
        List<WorkbookProblem> Problems, bool Forbidden, List<PlanChangePreview> Changes, List<PendingPlanChange> Pending, List<string> Unchanged, List<string> Notes);

    /// <summary>Each sheet against its plan as it is now: what changes, what is unchanged, and why a sheet cannot be saved.</summary>
    private async Task<Comparison> CompareAsync(UploadedWorkbook workbook, FiscalYear year, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = new Comparison([], false, [], [], [], []);
        var plans = await rules.LoadPlansAsync(workbook.Sheets.Select(s => s.PlanId).ToList(), tracked: false, ct);
        foreach (var sheet in workbook.Sheets)
        {
            var plan = plans.GetValueOrDefault(sheet.PlanId);
            if (plan is null || plan.PlanNumber != sheet.Number || !plan.IsRunningIn(year))
            {
                result.Problems.Add(new(sheet.SheetName, null, $"この計画はシステムに見つからないか、{year.JapaneseName}の実施期間外です。"));
                continue;
            }

            if (!await rules.MayEditAsync(user, plan))
            {
                result = result with { Forbidden = true };
                result.Problems.Add(new(sheet.SheetName, null, "この計画の年度末報告を編集する権限がありません。"));
                continue;
            }

            var current = WorkbookDownloadQuery.ToSheet(plan, year);
            var fields = WorkbookImportRules.Compare(year, current.Inputs, sheet.Inputs);
            if (fields.Count == 0)
            {
                result.Unchanged.Add($"{plan.PlanNumber} {plan.Name}");
                continue;
            }

            if (!sheet.IsTouched)
            {
                // Nothing typed here: the difference is someone else's later save, which stays as it is.
                result.Notes.Add($"シート「{sheet.SheetName}」：ダウンロードの後に{await rules.LastChangeAsync(plan.PlanKeyId, year, ct)}が更新しています。このシートには入力がないため、取り込みません。");
                result.Unchanged.Add($"{plan.PlanNumber} {plan.Name}");
                continue;
            }

            var refusals = await rules.RefusalsAsync(sheet.SheetName, fields[0].Cell, year, plan, sheet.ContentFingerprint, sheet.ContentAtDownload, sheet.ReportVersion, ct);
            if (refusals.Count > 0)
            {
                result.Problems.AddRange(refusals);
                continue;
            }

            var inputs = sheet.Inputs.Normalized();
            if (WorkbookImportRules.GradeRuleProblem(plan, year, inputs.Grade, inputs.NextYearPolicy) is { } gradeProblem)
            {
                result.Problems.Add(gradeProblem with { Sheet = sheet.SheetName });
                continue;
            }

            result.Changes.Add(new PlanChangePreview(sheet.SheetName, plan.PlanNumber, plan.Name, current.Status, fields));
            result.Pending.Add(new PendingPlanChange(plan.Id, sheet.SheetName, fields[0].Cell, current.ReportVersion,
                WorkbookFingerprint.Content(plan.PlanNumber, current.Content), inputs.StatusReport, inputs.Grade, inputs.NextYearPolicy));
        }

        return result;
    }
}
