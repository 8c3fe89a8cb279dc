using System.Security.Claims;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.My;
using Honjo.GyoseiKaikaku.Web.Features.Notices;

namespace Honjo.GyoseiKaikaku.Web.Features.Start;

public sealed record EditorStartViewModel(MyPlansViewModel Plans, IReadOnlyList<MyPlanRow> Todo, IReadOnlyList<MyPlanRow> Done, IReadOnlyList<NoticeRow> Unread, int UnreadCount);

/// <summary>
/// A department editor's start page: the plans of /my/plans with what needs doing first — returned reports, then late
/// ones, then the rest not handed in — and the unread notices.
/// </summary>
public sealed class StartPageQuery(MyPlansQuery plans, NoticeQueries notices)
{
    public async Task<EditorStartViewModel?> HandleAsync(string? year, ClaimsPrincipal user, CancellationToken ct)
    {
        var model = await plans.HandleAsync(year, null, user, ct);
        if (model is null || model.Forbidden)
        {
            return null;
        }

        var todo = model.Rows.Where(r => r.NeedsAction)
            .OrderBy(r => r.Status == ReportStatus.Returned ? 0 : r.IsLate ? 1 : r.Status == ReportStatus.Draft ? 2 : 3)
            .ThenBy(r => r.Number)
            .ToList();
        var done = model.Rows.Where(r => !r.NeedsAction).OrderBy(r => r.Status).ThenBy(r => r.Number).ToList();
        var list = await notices.ListAsync(user, 1, ct);
        return new EditorStartViewModel(model, todo, done, list.Rows.Where(n => !n.IsRead).Take(5).ToList(), list.Unread);
    }
}
