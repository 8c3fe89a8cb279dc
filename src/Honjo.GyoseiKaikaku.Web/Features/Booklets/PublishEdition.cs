using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>
/// 計画の公表 of an edition: the plan booklet (PDF, Excel) and open data rendered and stored with their checksums, the
/// plan versions fixed, the 操作ログ written, department editors told that entry opens. The one class that publishes.
/// </summary>
public sealed class PublishEditionHandler(
    AppDbContext db, MilestoneFiles files, TimeProvider clock, Infrastructure.Auditing.IAuditLog audit, Infrastructure.Notices.Notifier notifier,
    PublishingGate gate)
{
    /// <summary>Renders both booklets, stores them with their checksums and freezes the edition. Refused (nothing stored) for an unknown or published edition, or when the files cannot be made.</summary>
    public async Task<UseCaseResult<Done>> PublishAsync(FiscalYear year, CancellationToken ct)
    {
        // One 公表 of an edition at a time: a second one waits, then finds it published (it renders nothing).
        using var lease = await gate.EnterAsync(year, "計画の公表", ct);

        // What is published is public: read every report as the public would, whoever presses the button.
        db.ReadAs(ReportAudience.AcceptedOnly);
        var edition = await db.Editions.Include(e => e.Files).FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null)
        {
            return UseCaseResult.Invalid<Done>(default, "版が見つかりません。");
        }

        if (edition.Status != EditionStatus.Draft)
        {
            return UseCaseResult.Invalid<Done>(default, $"{edition.EditionName}は既に公表されています。");
        }

        var now = clock.GetUtcNow();
        PublishedFile[] published;
        try
        {
            published = await files.RenderAsync(edition, PublishedKind.Plan, 1, now, ct, lease);
        }
        catch (Exception e) when (ExportFailures.Are(e))
        {
            return UseCaseResult.Invalid<Done>(default, e.Message);
        }

        try
        {
            edition.Publish(now, published);
        }
        catch (DomainException e)
        {
            return UseCaseResult.Invalid<Done>(default, e.Message);
        }

        // The edition's plan versions are fixed from now on (the entities refuse any change).
        foreach (var plan in await db.Plans.InEdition(edition.Id).ToListAsync(ct))
        {
            plan.Lock();
        }

        audit.Record(Infrastructure.Auditing.AuditAction.EditionPublished, edition.EditionName, string.Join("、", published.Select(f => f.FileName)));

        // Entry of the edition's reports opens now: every department editor is told, with the 公表 itself.
        notifier.Add(await notifier.DepartmentEditorsAsync(null, null, ct), new Infrastructure.Notices.NoticeMessage(
            Infrastructure.Notices.NoticeKind.EntryOpened,
            $"{edition.Year.JapaneseName}の年度末報告の入力が始まりました",
            $"{edition.EditionName}の計画が公表され、{edition.Year.JapaneseName}の年度末報告（取組状況報告・年度末評価・次年度に向けた取組方針）を入力できるようになりました。"
                + (edition.ReportDeadline is { } deadline ? $"提出期限は{JapanTime.Date(deadline)}です。" : string.Empty),
            "/"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Pressed twice, or by two people at once: the first 公表 stored the files (a unique index); this one is a no-op.
            db.ChangeTracker.Clear();
            if (await db.Editions.AnyAsync(e => e.Year == year && e.Status != EditionStatus.Draft, ct))
            {
                return UseCaseResult.Invalid<Done>(default, $"{edition.EditionName}は既に公表されています。");
            }

            throw;
        }

        return UseCaseResult.Ok(Done.Value);
    }
}
