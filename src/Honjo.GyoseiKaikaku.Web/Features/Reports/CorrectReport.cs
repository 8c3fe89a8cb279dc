using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>The 訂正 form of a closed year's report: the corrected fields and the reason (企画課 only).</summary>
public sealed record ReportCorrectionRequest : ReportFields
{
    [StringLength(Correction.MaxReasonLength, ErrorMessage = "訂正の理由は{1}文字以内で入力してください。")]
    public string? Reason { get; init; }
}

/// <summary>
/// 訂正 of a closed year's accepted report by the 企画課, with a reason: saved, recorded, and the results booklet and
/// open data published again as the next revision. Refused (nothing saved) for a department, a year not closed, a
/// missing reason, or a form older than the report (409, the input kept).
/// </summary>
public sealed class CorrectReportHandler(AppDbContext db, ReportScopeLoader scopes, Booklets.CorrectionPublisher corrections)
{
    private const string ChangedByOthers = ReportReview.ChangedByOthers + "入力した内容は下の訂正の欄に残っています。";

    public Task<UseCaseResult<ReportEditorViewModel>> CorrectAsync(
        PlanNumber number, ReportCorrectionRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct) =>
        scopes.RunAsync(number, request, inputErrors, user, PlanOperations.ReviewReport, scope => CorrectAsync(scope, request, inputErrors, ct), ct);

    private async Task<UseCaseResult<ReportEditorViewModel>> CorrectAsync(ReportScope scope, ReportCorrectionRequest request, IReadOnlyList<string> inputErrors, CancellationToken ct)
    {
        var report = scope.Report;
        var stored = StoredReport.Of(report);
        UseCaseResult<ReportEditorViewModel> Refused(UseCaseStatus status, IReadOnlyList<string> errors)
        {
            var page = scope.Page(stored, errors) with
            {
                Refusal = status == UseCaseStatus.Conflict ? RefusalKind.Conflict : RefusalKind.Invalid,
                CorrectionInput = request.ToInput(),
                CorrectionReason = request.Reason,
            };
            return new UseCaseResult<ReportEditorViewModel>(status, page) { Errors = errors };
        }

        if (inputErrors.Count > 0)
        {
            return Refused(UseCaseStatus.Invalid, [inputErrors[0]]);
        }

        var form = scope.ReadForm(request);
        if (!form.IsValid)
        {
            return Refused(UseCaseStatus.Invalid, form.Errors);
        }

        var edition = scope.Plan.Edition!;
        var values = form.Values;
        try
        {
            edition.EnsureCorrectable(CorrectionKind.Report);
            if (report is null)
            {
                return Refused(UseCaseStatus.Invalid, ["この計画には訂正する報告がありません。"]);
            }

            if (report.Version != request.Version)
            {
                return Refused(UseCaseStatus.Conflict, [ChangedByOthers]);
            }

            report.Correct(scope.Actor, values.StatusReport, values.Grade, values.NextYearPolicy, values.ActualValue, request.Reason, values.Target, values.GradeExplanation);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Refused(UseCaseStatus.Invalid, [e.Message]);
        }

        try
        {
            await corrections.SaveAndRepublishAsync(edition, CorrectionKind.Report, scope.Plan.Key, request.Reason!, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var fresh = (await scopes.ReloadAsync(scope, ct))!;
            stored = StoredReport.Of(fresh.Report);
            scope = fresh;
            return Refused(UseCaseStatus.Conflict, [ChangedByOthers]);
        }
        catch (Exception e) when (e is DomainException || Booklets.ExportFailures.Are(e))
        {
            db.ChangeTracker.Clear();
            return Refused(UseCaseStatus.Invalid, [e.Message]);
        }

        return scope.Done(report);
    }
}
