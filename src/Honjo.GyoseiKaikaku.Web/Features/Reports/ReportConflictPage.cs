using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.History;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>
/// The report changed since the form was opened: the page shows what changed (the values the form was opened with
/// against what is stored) and by whom (the 履歴's last entry; "you, in another tab" when it was the same person), and
/// keeps the person's input.
/// </summary>
public sealed class ReportConflictPage(AppDbContext db)
{
    public async Task<UseCaseResult<ReportEditorViewModel>> ShowAsync(ReportScope scope, ReportFormRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        var year = scope.Year;
        var current = StoredReport.Of(scope.Report);
        var changes = new List<FieldChange>();
        void Compare(string field, string? before, string now)
        {
            if ((before ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal) != now)
            {
                changes.Add(new FieldChange(field, before ?? string.Empty, now));
            }
        }

        Compare($"{year.Code}年度末の取組状況報告", request.BaseStatusReport, current.StatusReport);
        if (scope.Plan.QuantityFor(year) is not null)
        {
            Compare("実績値", request.BaseActualValue, current.ActualValueText);
        }

        Compare("年度末評価", request.BaseGrade, current.Grade?.ToString() ?? string.Empty);
        Compare($"{year.Next.Code}年度に向けた取組方針", request.BaseNextYearPolicy, current.NextYearPolicy);

        var last = await db.LastReportChangeAsync(scope.Plan.PlanKeyId, year, ct);
        var own = last is not null && last.UserId == scope.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var page = scope.Page(current);
        var who = own ? "この報告は、あなたが別の画面（タブ）で先に保存しています。" : "他の人がこの報告を先に保存しました。";
        var what = page.CanEdit
            ? "この画面の変更は保存されていません。下の表で先に保存された内容を確認し、入力内容を見直してから保存し直してください。フォームにはあなたの入力内容が残っています。"
            : $"この報告は現在「{current.Status.DisplayName()}」のため編集できません。この画面の入力内容は保存されていません（下に表示しています）。";
        string[] errors = [who + what];
        return UseCaseResult.Conflict(
            page with
            {
                Errors = errors,
                Refusal = RefusalKind.Conflict,
                Input = request.ToInput(),
                Conflict = changes,
                ConflictBy = last is null ? null : $"{last.UserName}、{JapanTime.Stamp(last.At)}",
                ConflictIsOwn = own,
            },
            errors);
    }
}
