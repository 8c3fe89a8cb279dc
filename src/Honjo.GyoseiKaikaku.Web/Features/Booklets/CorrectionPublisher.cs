using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.History;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>
/// The second half of every 訂正: with the corrected plan or report pending in the context, saves it (its history
/// written by the interceptor), publishes the affected booklet again as the next revision — the plan booklet for a
/// plan, the results booklet for a report, and also the results booklet when a closed edition's plan is corrected,
/// since it prints the same sheets — and records the <see cref="Correction"/> and the audit event. One transaction:
/// a stale form (<see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>) or a failed render leaves
/// nothing saved.
/// </summary>
public sealed class CorrectionPublisher(AppDbContext db, MilestoneFiles editions, TimeProvider clock, IAuditLog audit, ICurrentUser user)
{
    public async Task<Correction> SaveAndRepublishAsync(BookletEdition edition, CorrectionKind kind, PlanKey plan, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(plan);
        edition.EnsureCorrectable(kind);

        // The revisions already published decide the next one.
        var files = db.Entry(edition).Collection(e => e.Files);
        if (!files.IsLoaded)
        {
            await files.LoadAsync(ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Saved first, inside the transaction, so that the booklet read next prints the corrected content.
        await db.SaveChangesAsync(ct);

        // What is published is public: read every report as the public would, whoever corrects.
        db.ReadAs(ReportAudience.AcceptedOnly);
        var now = clock.GetUtcNow();
        var republished = new List<PublishedFile>();
        foreach (var published in new[] { PublishedKind.Plan, PublishedKind.Results })
        {
            if (published == kind.Republishes() || (published == PublishedKind.Results && edition.IsClosed))
            {
                republished.AddRange(await editions.RenderAsync(edition, published, edition.NextRevision(published), now, ct));
            }
        }

        var correction = edition.RecordCorrection(kind, plan.Id, reason, user.DisplayName, now, republished);
        audit.Record(AuditAction.Corrected, $"{edition.EditionName} {plan.PlanNumber}",
            $"{kind.DisplayName()}の訂正（第{correction.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}版）：{correction.Reason}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return correction;
    }
}
