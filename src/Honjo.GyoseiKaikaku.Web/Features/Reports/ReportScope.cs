using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>A form posted to a report use case: it names the edition's year (<c>?year=</c>; none for the default edition).</summary>
public interface IReportRequest
{
    string? Year { get; }
}

/// <summary>
/// Where every report use case starts: the edition's year, the plan version (with its departments, targets and
/// reports) and the person, already checked for the operation. It also builds the page every use case answers with.
/// </summary>
public sealed record ReportScope(EditionContext Context, Plan Plan, PlanResource Resource, ClaimsPrincipal User)
{
    public FiscalYear Year => Context.Year;

    /// <summary>The report of the edition's year; null while nothing was saved.</summary>
    public YearEndReport? Report => Plan.ReportFor(Context.Year);

    public ReportActor Actor => User.ToReportActor(Resource);

    /// <summary>The person's form values checked before the entity sees them (see <see cref="ReportForm"/>).</summary>
    public ReportForm ReadForm(ReportFields form) => ReportForm.Read(form, Plan, Year);

    /// <summary>The report page showing <paramref name="stored"/>, with <paramref name="errors"/> above it.</summary>
    public ReportEditorViewModel Page(StoredReport stored, IReadOnlyList<string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var actor = Actor;
        var quantity = Plan.QuantityFor(Year);

        // Entry of the year's reports opens at 計画の公表 (the entity refuses before; the page says so up front).
        var entryOpen = Plan.Edition is not { Status: Domain.Editions.EditionStatus.Draft };
        return new ReportEditorViewModel(
            Context,
            Plan.PlanKeyId,
            Plan.PlanNumber,
            Plan.Name,
            Plan.ExecutingDepartmentsText,
            Plan.TargetFor(Year),
            stored,
            CanEdit: entryOpen && ReportRules.MayEdit(actor, stored.Status, stored.IsClosed),
            CanReview: ReportRules.MayReview(actor, stored.Status, stored.IsClosed),
            CanReopen: ReportRules.MayReopen(actor, stored.Status, stored.IsClosed),
            errors ?? [],
            Quantity: quantity,
            Achievement: quantity is not null && stored.ActualValue is { } v ? quantity.Evaluate(v) : null)
        {
            EntryNotOpen = entryOpen ? null : Plan.Edition!.ReportEntryNotOpenMessage,
            CanCorrect = actor.IsPlanningOffice && stored.IsClosed && Plan.Edition is { IsClosed: true },
            ShowsThread = actor.CanEdit,
            CanComment = actor.CanEdit && !stored.IsClosed,
            GradingRule = GradingRule.TryRead(Plan.TextItems.Select(i => i.Text)),
        };
    }

    /// <summary>Done: the page with the report as it is now.</summary>
    public UseCaseResult<ReportEditorViewModel> Done(YearEndReport? report) => UseCaseResult.Ok(Page(StoredReport.Of(report)));

    /// <summary>
    /// Refused, nothing saved: the page shows the report as stored (<paramref name="stored"/>, taken before the entity
    /// was asked) and, in the form, what the person typed (<paramref name="input"/>; <paramref name="reviewInput"/>, a
    /// review action's comment).
    /// </summary>
    public UseCaseResult<ReportEditorViewModel> Refuse(StoredReport stored, IReadOnlyList<string> errors, ReportInput? input = null, string? reviewInput = null)
    {
        var page = Page(stored, errors) with { Refusal = RefusalKind.Invalid, Input = input, ReviewInput = reviewInput };
        return UseCaseResult.Invalid(page, errors);
    }
}

/// <summary>
/// Loads a report use case's <see cref="ReportScope"/>: the edition named by <c>?year=</c> (else the current one), the
/// plan version running in its year (else 404), and the department check for the operation (else 403).
/// </summary>
public sealed class ReportScopeLoader(AppDbContext db, EditionResolver editions, IAuthorizationService authorization)
{
    private async Task<UseCaseResult<ReportScope>> LoadAsync(
        PlanNumber number, string? year, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var context = await editions.ResolveAsync(year, ct);
        var plan = context is null ? null : await db.Plans.WithReports().FindAsync(number, context.Edition.Id, ct);
        if (context is null || plan is null || !plan.IsRunningIn(context.Year))
        {
            return UseCaseResult.NotFound<ReportScope>();
        }

        var resource = PlanResource.Of(plan);
        var allowed = await authorization.AuthorizeAsync(user, resource, operation);
        return allowed.Succeeded
            ? UseCaseResult.Ok(new ReportScope(context, plan, resource, user))
            : UseCaseResult.Forbidden<ReportScope>();
    }

    /// <summary>
    /// Where every report use case starts: loads its scope for <paramref name="operation"/> and, found and allowed, runs
    /// <paramref name="useCase"/> in it; otherwise answers what the load found (404, 403).
    /// </summary>
    public async Task<UseCaseResult<ReportEditorViewModel>> RunAsync(
        PlanNumber number,
        string? year,
        ClaimsPrincipal user,
        OperationAuthorizationRequirement operation,
        Func<ReportScope, Task<UseCaseResult<ReportEditorViewModel>>> useCase,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        var loaded = await LoadAsync(number, year, user, operation, ct);
        return loaded.Value is { } scope ? await useCase(scope) : loaded.As<ReportEditorViewModel>();
    }

    /// <summary>
    /// Where every report use case that takes a form starts: <paramref name="request"/> names the year and
    /// <paramref name="inputErrors"/> is what model binding found (both required); then as
    /// <see cref="RunAsync(PlanNumber, string?, ClaimsPrincipal, OperationAuthorizationRequirement, Func{ReportScope, Task{UseCaseResult{ReportEditorViewModel}}}, CancellationToken)"/>.
    /// </summary>
    public Task<UseCaseResult<ReportEditorViewModel>> RunAsync(
        PlanNumber number,
        IReportRequest request,
        IReadOnlyList<string> inputErrors,
        ClaimsPrincipal user,
        OperationAuthorizationRequirement operation,
        Func<ReportScope, Task<UseCaseResult<ReportEditorViewModel>>> useCase,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inputErrors);
        return RunAsync(number, request.Year, user, operation, useCase, ct);
    }

    /// <summary>
    /// After a save lost a race: forgets everything tracked and reads the plan again as the database now holds it.
    /// </summary>
    public async Task<ReportScope?> ReloadAsync(ReportScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        db.ChangeTracker.Clear();
        var fresh = await db.Plans.WithReports().FindAsync(scope.Plan.PlanNumber, scope.Context.Edition.Id, ct);
        return fresh is null ? null : scope with { Plan = fresh };
    }
}
