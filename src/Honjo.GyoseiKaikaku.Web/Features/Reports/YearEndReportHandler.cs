using System.Globalization;
using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>
/// Opening, saving, submitting and reviewing one plan's year-end record for an edition's fiscal year. Every call
/// loads the plan, checks the department rule for the operation, and lets the entity decide the state change.
/// </summary>
public sealed class YearEndReportHandler(
    AppDbContext db,
    EditionResolver editions,
    IAuthorizationService authorization,
    TimeProvider clock)
{
    public async Task<ReportOutcome> OpenAsync(PlanNumber number, string? year, ClaimsPrincipal user, CancellationToken ct)
    {
        var loaded = await LoadAsync(number, year, user, PlanOperations.ReadReport, ct);
        if (loaded.Outcome is { } refused)
        {
            return refused;
        }

        var (context, plan, resource) = loaded.Value;
        return new ReportOutcome(ReportOutcomeKind.Ok, ToModel(context, plan, user, resource, plan.ReportFor(context.Year), []));
    }

    public async Task<ReportOutcome> SaveAsync(PlanNumber number, ReportFormRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var loaded = await LoadAsync(number, request.Year, user, PlanOperations.EditReport, ct);
        if (loaded.Outcome is { } refused)
        {
            return refused;
        }

        var (context, plan, resource) = loaded.Value;
        var report = plan.ReportForOrCreate(context.Year);
        var actor = user.ToReportActor(resource);
        EvaluationGrade? grade = null;
        if (!string.IsNullOrWhiteSpace(request.Grade))
        {
            if (!EvaluationGrades.TryParse(request.Grade, out var parsed))
            {
                return Invalid(context, plan, user, resource, report, request, "年度末評価はA・B・Cのいずれかを選んでください。");
            }

            grade = parsed;
        }

        decimal? actual = null;
        if (plan.QuantityFor(context.Year) is { } quantity && !string.IsNullOrWhiteSpace(request.ActualValue))
        {
            if (!ActualValues.TryParse(request.ActualValue, out var value))
            {
                return Invalid(context, plan, user, resource, report, request, $"実績値は0以上の数値（{quantity.Unit}）で入力してください。");
            }

            actual = value;
        }

        if (report.Version != request.Version)
        {
            return await ConflictAsync(context, plan, user, resource, report, request, ct);
        }

        try
        {
            report.SaveDraft(actor, request.StatusReport, grade, request.NextYearPolicy, actual);
            if (string.Equals(request.Command, "submit", StringComparison.Ordinal))
            {
                report.Submit(actor, clock.GetUtcNow());
            }
        }
        catch (DomainException e)
        {
            return Invalid(context, plan, user, resource, report, request, e.Message);
        }

        return await CommitAsync(context, plan, user, resource, report, request, ct);
    }

    public Task<ReportOutcome> AcceptAsync(PlanNumber number, ReviewRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ReviewAsync(number, request, user, (r, a, now) => r.Accept(a, now), ct);

    public Task<ReportOutcome> ReturnAsync(PlanNumber number, ReviewRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ReviewAsync(number, request, user, (r, a, now) => r.Return(a, request.Comment, now), ct);

    public Task<ReportOutcome> ReopenAsync(PlanNumber number, ReviewRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ReviewAsync(number, request, user, (r, a, now) => r.Reopen(a, request.Comment, now), ct);

    private async Task<ReportOutcome> ReviewAsync(
        PlanNumber number, ReviewRequest request, ClaimsPrincipal user, Action<YearEndReport, ReportActor, DateTimeOffset> act, CancellationToken ct)
    {
        var loaded = await LoadAsync(number, request.Year, user, PlanOperations.ReviewReport, ct);
        if (loaded.Outcome is { } refused)
        {
            return refused;
        }

        var (context, plan, resource) = loaded.Value;
        var report = plan.ReportFor(context.Year);
        if (report is null)
        {
            return Invalid(context, plan, user, resource, plan.ReportForOrCreate(context.Year), null, "まだ報告が提出されていません。");
        }

        if (report.Version != request.Version)
        {
            return Invalid(context, plan, user, resource, report, null, "この報告は他の人が先に更新しました。最新の内容を確認してから、もう一度操作してください。");
        }

        try
        {
            act(report, user.ToReportActor(resource), clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return Invalid(context, plan, user, resource, report, null, e.Message);
        }

        return await CommitAsync(context, plan, user, resource, report, null, ct);
    }

    private async Task<ReportOutcome> CommitAsync(
        EditionContext context, Plan plan, ClaimsPrincipal user, PlanResource resource, YearEndReport report, ReportFormRequest? request, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await LoadPlanAsync(plan.PlanNumber, ct);
            var current = fresh!.ReportForOrCreate(context.Year);
            return request is null
                ? Invalid(context, fresh, user, resource, current, null, "この報告は他の人が先に更新しました。最新の内容を確認してから、もう一度操作してください。")
                : await ConflictAsync(context, fresh, user, resource, current, request, ct);
        }

        return new ReportOutcome(ReportOutcomeKind.Ok, ToModel(context, plan, user, resource, report, []));
    }

    private async Task<ReportOutcome> ConflictAsync(
        EditionContext context, Plan plan, ClaimsPrincipal user, PlanResource resource, YearEndReport current, ReportFormRequest request, CancellationToken ct)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? before, string now)
        {
            if ((before ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal) != now)
            {
                changes.Add(new FieldChange(field, before ?? string.Empty, now));
            }
        }

        Compare($"{context.Year.Code}年度末の取組状況報告", request.BaseStatusReport, current.StatusReport);
        Compare("年度末評価", request.BaseGrade, current.Grade?.ToString() ?? string.Empty);
        Compare($"{context.Year.Next.Code}年度に向けた取組方針", request.BaseNextYearPolicy, current.NextYearPolicy);
        var last = await db.History.Where(h => h.PlanId == plan.Id && h.Year == context.Year.Reiwa)
            .OrderByDescending(h => h.Id).Select(h => new { h.UserName, h.At }).FirstOrDefaultAsync(ct);
        var lastBy = last is null
            ? null
            : $"{last.UserName}、{last.At.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy/MM/dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)}";
        var model = ToModel(context, plan, user, resource, current, ["他の人がこの報告を先に保存したため、あなたの変更は保存されていません。下の「他の人の変更」を確認し、入力内容を見直してから保存し直してください。"]);
        return new ReportOutcome(ReportOutcomeKind.Conflict, model with
        {
            // The person's own input is kept in the form; the version is the current one so a re-save goes through.
            StatusReport = request.StatusReport ?? string.Empty,
            Grade = EvaluationGrades.TryParse(request.Grade, out var g) ? g : null,
            NextYearPolicy = request.NextYearPolicy ?? string.Empty,
            ActualValueInput = request.ActualValue ?? string.Empty,
            Conflict = changes,
            ConflictBy = lastBy,
        });
    }

    private static ReportOutcome Invalid(
        EditionContext context, Plan plan, ClaimsPrincipal user, PlanResource resource, YearEndReport report, ReportFormRequest? request, string message)
    {
        var model = ToModel(context, plan, user, resource, report, [message]);
        if (request is not null)
        {
            model = model with
            {
                StatusReport = request.StatusReport ?? string.Empty,
                Grade = EvaluationGrades.TryParse(request.Grade, out var g) ? g : null,
                NextYearPolicy = request.NextYearPolicy ?? string.Empty,
                ActualValueInput = request.ActualValue ?? string.Empty,
            };
        }

        return new ReportOutcome(ReportOutcomeKind.Invalid, model, message);
    }

    private async Task<(ReportOutcome? Outcome, (EditionContext Context, Plan Plan, PlanResource Resource) Value)> LoadAsync(
        PlanNumber number, string? year, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var context = await editions.ResolveAsync(year, ct);
        var plan = context is null ? null : await LoadPlanAsync(number, ct);
        if (context is null || plan is null || !plan.IsRunningIn(context.Year))
        {
            return (ReportOutcome.NotFound, default);
        }

        var resource = new PlanResource(plan.Id, plan.ExecutingDepartments.Select(d => d.DepartmentId).ToList());
        var allowed = await authorization.AuthorizeAsync(user, resource, operation);
        return allowed.Succeeded ? (null, (context, plan, resource)) : (ReportOutcome.Forbidden, default);
    }

    private Task<Plan?> LoadPlanAsync(PlanNumber number, CancellationToken ct) =>
        db.Plans.AsSplitQuery()
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.YearTargets)
            .Include(p => p.YearEndReports)
            .FirstOrDefaultAsync(p => p.FieldNumber == number.Field && p.Number == number.Number, ct);

    private static ReportEditorViewModel ToModel(
        EditionContext context, Plan plan, ClaimsPrincipal user, PlanResource resource, YearEndReport? report, IReadOnlyList<string> errors)
    {
        var actor = user.ToReportActor(resource);
        var quantity = plan.QuantityFor(context.Year);
        var actual = report?.ActualValue;
        return new ReportEditorViewModel(
            context,
            plan.PlanNumber,
            plan.Name,
            plan.ExecutingDepartmentsText,
            plan.TargetFor(context.Year),
            report?.Status ?? ReportStatus.NotStarted,
            report?.StatusReport ?? string.Empty,
            report?.Grade,
            report?.NextYearPolicy ?? string.Empty,
            report?.Version ?? 0,
            report?.ReviewComment,
            report?.ReviewedBy,
            report?.ReviewedAt,
            report?.SubmittedBy,
            report?.SubmittedAt,
            CanEdit: report is null ? actor.CanEdit : report.CanBeEditedBy(actor),
            CanSubmit: actor.CanEdit && (report is null || report.IsEditable),
            CanReview: report?.CanBeReviewedBy(actor) ?? false,
            CanReopen: report?.CanBeReopenedBy(actor) ?? false,
            errors,
            Quantity: quantity,
            ActualValueInput: actual is { } a ? a.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty,
            Achievement: quantity is not null && actual is { } v ? quantity.Evaluate(v) : null);
    }
}
