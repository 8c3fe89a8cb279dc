using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Notices;
using Honjo.GyoseiKaikaku.Web.Features.Authorization;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>
/// Who is told what when a report moves or its thread grows: submitted → the 企画課; returned, accepted, reopened →
/// the plan's department editors; a thread entry → the other side. Written into the same unit of work as the change.
/// </summary>
public sealed class ReportNotices(Notifier notifier, LinkGenerator links)
{
    public async Task SubmittedAsync(Plan plan, FiscalYear year, ClaimsPrincipal by, CancellationToken ct)
    {
        var recipients = await notifier.PlanningOfficeAsync(UserId(by), ct);
        notifier.Add(recipients, new NoticeMessage(
            NoticeKind.ReportSubmitted,
            $"{plan.PlanNumber} {plan.Name}の{year.JapaneseName}の報告が提出されました",
            $"{plan.ExecutingDepartmentsText}の{by.DisplayName()}さんが提出しました。内容を確認してください。",
            Link(plan, year)));
    }

    public async Task ReviewedAsync(Plan plan, FiscalYear year, ReportStatus now, string? comment, bool reopened, ClaimsPrincipal by, CancellationToken ct)
    {
        var (kind, title) = reopened
            ? (NoticeKind.ReportReopened, "確認済の報告が再開されました")
            : now == ReportStatus.Accepted
                ? (NoticeKind.ReportAccepted, "報告が確認済になりました")
                : (NoticeKind.ReportReturned, "報告が差し戻されました");
        var body = kind switch
        {
            NoticeKind.ReportAccepted => "企画課が報告を確認しました。対応は不要です。",
            NoticeKind.ReportReopened => $"企画課の理由：{comment}\n内容を修正して、もう一度提出してください。",
            _ => $"企画課のコメント：{comment}\n内容を修正して、もう一度提出してください。",
        };
        await ToDepartmentAsync(plan, year, kind, $"{plan.PlanNumber} {plan.Name}：{title}", body, by, ct);
    }

    public async Task CommentedAsync(Plan plan, FiscalYear year, ReportComment comment, ClaimsPrincipal by, CancellationToken ct)
    {
        var title = $"{plan.PlanNumber} {plan.Name}の報告に{(comment.FromPlanningOffice ? "企画課" : plan.ExecutingDepartmentsText)}からコメントがありました";
        var body = $"{comment.AuthorName}：{comment.Body}";
        if (comment.FromPlanningOffice)
        {
            await ToDepartmentAsync(plan, year, NoticeKind.CommentPosted, title, body, by, ct);
        }
        else
        {
            notifier.Add(await notifier.PlanningOfficeAsync(UserId(by), ct), new NoticeMessage(NoticeKind.CommentPosted, title, body, Link(plan, year) + "#thread"));
        }
    }

    private async Task ToDepartmentAsync(Plan plan, FiscalYear year, NoticeKind kind, string title, string body, ClaimsPrincipal by, CancellationToken ct)
    {
        var departments = plan.ExecutingDepartments.Select(d => d.DepartmentId).ToList();
        var recipients = await notifier.DepartmentEditorsAsync(departments, UserId(by), ct);
        notifier.Add(recipients, new NoticeMessage(kind, title, body, Link(plan, year) + (kind == NoticeKind.CommentPosted ? "#thread" : string.Empty)));
    }

    private string Link(Plan plan, FiscalYear year) =>
        links.GetPathByAction(nameof(ReportsController.Edit), "Reports", new { id = plan.PlanNumber.ToString(), year = year.Code }) ?? string.Empty;

    private static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
