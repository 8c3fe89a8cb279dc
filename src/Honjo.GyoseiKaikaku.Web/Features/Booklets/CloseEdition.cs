using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>実績の確定 of an edition's year: the reports locked, the results booklet and the year's open data stored.</summary>
public sealed class CloseEditionHandler(AppDbContext db, MilestoneFiles files, TimeProvider clock, Infrastructure.Auditing.IAuditLog audit, PublishingGate gate)
{
    /// <summary>
    /// 実績の確定: every report of the year (plans running in it, in this edition) must be accepted; they are locked, and
    /// the results booklet and the year's open data are stored. Refused (nothing stored) otherwise.
    /// </summary>
    public async Task<UseCaseResult<Done>> CloseAsync(FiscalYear year, CancellationToken ct)
    {
        // One milestone of an edition at a time (ADR 0030/0032): a second 確定 waits, then finds the edition closed.
        using var lease = await gate.EnterAsync(year, "実績の確定", ct);
        var edition = await db.Editions.Include(e => e.Files).FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null)
        {
            return UseCaseResult.Invalid<Done>(default, "版が見つかりません。");
        }

        // Reports are read unfiltered here: an unaccepted one must block, not vanish.
        db.ReadAs(ReportAudience.Everything);
        var plans = await db.Plans.InEdition(edition.Id).RunningIn(year)
            .Include(p => p.Key).ThenInclude(k => k.YearEndReports)
            .InBookletOrder().ToListAsync(ct);
        var notAccepted = plans.Where(p => p.ReportFor(year) is not { Status: ReportStatus.Accepted }).Select(p => p.PlanNumber).ToList();
        // Refused before the booklets are rendered (seconds of work) when the state or an open report forbids it.
        try
        {
            edition.EnsureCanClose(notAccepted);
        }
        catch (DomainException e)
        {
            return UseCaseResult.Invalid<Done>(default, e.Message);
        }

        // What is published is public: the results booklet and open data read as the public would.
        db.ReadAs(ReportAudience.AcceptedOnly);
        var now = clock.GetUtcNow();
        PublishedFile[] published;
        try
        {
            published = await files.RenderAsync(edition, PublishedKind.Results, 1, now, ct, lease);
        }
        catch (Exception e) when (ExportFailures.Are(e))
        {
            return UseCaseResult.Invalid<Done>(default, e.Message);
        }

        audit.Record(Infrastructure.Auditing.AuditAction.ResultsClosed, edition.EditionName, string.Join("、", published.Select(f => f.FileName)));
        try
        {
            edition.Close(now, published, []);
            foreach (var plan in plans)
            {
                plan.ReportFor(year)!.CloseYear();
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult.Invalid<Done>(default, e.Message);
        }
        catch (DbUpdateException)
        {
            // Pressed twice, or by two people at once: the first closed the year.
            db.ChangeTracker.Clear();
            if (await db.Editions.AnyAsync(e => e.Year == year && e.Status == EditionStatus.Closed, ct))
            {
                return UseCaseResult.Invalid<Done>(default, $"{edition.EditionName}の実績は既に確定しています。");
            }

            throw;
        }

        return UseCaseResult.Ok(Done.Value);
    }
}
