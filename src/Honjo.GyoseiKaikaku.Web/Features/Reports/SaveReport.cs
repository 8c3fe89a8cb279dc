using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>Which button of the year-end form was pressed.</summary>
public enum ReportCommand
{
    /// <summary>下書き保存.</summary>
    Save,

    /// <summary>提出.</summary>
    Submit,
}

/// <summary>The year-end form as posted. Base* carry what the person saw when the form was opened.</summary>
public sealed record ReportFormRequest : ReportFields
{
    public ReportCommand Command { get; init; }

    public string? BaseStatusReport { get; init; }

    public string? BaseGrade { get; init; }

    public string? BaseNextYearPolicy { get; init; }

    public string? BaseActualValue { get; init; }
}

/// <summary>
/// 下書き保存 and 提出 of the year-end report by its department (or the 企画課). Refused, nothing saved, for input that
/// does not read (<see cref="ReportForm"/>), a state the entity refuses, or a form older than the report (the
/// conflict page, <see cref="ReportConflictPage"/>).
/// </summary>
public sealed class SaveReportHandler(
    AppDbContext db, ReportScopeLoader scopes, ReportConflictPage conflicts, TimeProvider clock, ReportNotices notices)
{
    /// <summary><paramref name="inputErrors"/>: what model binding found (lengths, formats), in Japanese.</summary>
    public Task<UseCaseResult<ReportEditorViewModel>> SaveAsync(
        PlanNumber number, ReportFormRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct) =>
        scopes.RunAsync(number, request, inputErrors, user, PlanOperations.EditReport, scope => SaveAsync(scope, request, inputErrors, ct), ct);

    private async Task<UseCaseResult<ReportEditorViewModel>> SaveAsync(ReportScope scope, ReportFormRequest request, IReadOnlyList<string> inputErrors, CancellationToken ct)
    {
        var stored = StoredReport.Of(scope.Report);
        var input = request.ToInput();
        if (inputErrors.Count > 0)
        {
            return scope.Refuse(stored, inputErrors, input);
        }

        var form = scope.ReadForm(request);
        if (!form.IsValid)
        {
            return scope.Refuse(stored, form.Errors, input);
        }

        if (stored.Version != request.Version)
        {
            return await conflicts.ShowAsync(scope, request, ct);
        }

        var actor = scope.Actor;
        var values = form.Values;
        YearEndReport report;
        try
        {
            report = scope.Plan.ReportForOrCreate(scope.Year);
            report.SaveDraft(actor, values.StatusReport, values.Grade, values.NextYearPolicy, values.ActualValue, values.Target, values.GradeExplanation);
            if (request.Command == ReportCommand.Submit)
            {
                report.Submit(actor, clock.GetUtcNow());
                await notices.SubmittedAsync(scope.Plan, scope.Year, scope.User, ct);
            }
        }
        catch (DomainException e)
        {
            // The entity may have taken part of the change before refusing; none of it is saved or shown.
            db.ChangeTracker.Clear();
            return scope.Refuse(stored, [e.Message], input);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent save won: a newer version (DbUpdateConcurrencyException), or, for a report that did not
            // exist yet, the same plan and year inserted first (the unique index). Either way the person gets the
            // conflict page, not an error.
            var fresh = await scopes.ReloadAsync(scope, ct);
            if (fresh?.Report is not { } current || current.Version == request.Version)
            {
                throw;
            }

            return await conflicts.ShowAsync(fresh, request, ct);
        }

        return scope.Done(report);
    }
}
