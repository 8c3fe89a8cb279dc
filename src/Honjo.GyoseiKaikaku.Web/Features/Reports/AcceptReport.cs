using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>The 確認 form (企画課), with the optional 二次評価 and its reason (ADR 0028).</summary>
public sealed record AcceptRequest : ReviewRequest
{
    /// <summary>"A", "B", "C", or empty for no 二次評価.</summary>
    public string? SecondGrade { get; init; }

    [StringLength(YearEndReport.MaxCommentLength, ErrorMessage = "二次評価の理由は{1}文字以内で入力してください。")]
    public string? SecondGradeReason { get; init; }
}

/// <summary>
/// 確認済: the 企画課 accepts a submitted report, optionally recording its 二次評価 beside the department's grade; the
/// report is locked for the department. A refusal keeps the typed second grade and reason.
/// </summary>
public sealed class AcceptReportHandler(ReportReview review)
{
    public async Task<UseCaseResult<ReportEditorViewModel>> AcceptAsync(
        PlanNumber number, AcceptRequest request, IReadOnlyList<string> inputErrors, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await review.RunAsync(number, request, inputErrors, user, step =>
        {
            EvaluationGrade? second = null;
            if (!string.IsNullOrWhiteSpace(request.SecondGrade))
            {
                second = EvaluationGrades.TryParse(request.SecondGrade, out var parsed)
                    ? parsed
                    : throw new DomainException("二次評価はA・B・Cのいずれかを選んでください。");
            }

            step.Report.Accept(step.Actor, step.Now, second, request.SecondGradeReason);
        }, threadEntry: null, ct);
        return result is { IsOk: false, Value: { } page }
            ? result with { Value = page with { SecondGradeInput = request.SecondGrade ?? string.Empty, SecondGradeReasonInput = request.SecondGradeReason } }
            : result;
    }
}
