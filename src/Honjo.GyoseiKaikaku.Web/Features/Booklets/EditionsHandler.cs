using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

public sealed record EditionFileView(PublishedKind Kind, PublishedFormat Format, int Revision, string FileName, string Sha256, long Size);

public sealed record EditionRow(
    FiscalYear Year, string Title, EditionStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset? ClosedAt, IReadOnlyList<EditionFileView> Files);

/// <summary>The editions and their downloads; 公表 (publishing) stores the booklet files with their checksums.</summary>
public sealed class EditionsHandler(
    AppDbContext db, IBookletReader reader, IBookletPdfRenderer pdf, IBookletExcelWriter excel, OpenDataReader openData, TimeProvider clock,
    Infrastructure.Auditing.IAuditLog audit)
{
    public async Task<IReadOnlyList<EditionRow>> ListAsync(CancellationToken ct)
    {
        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Year)
            .Select(e => new { e.Year, e.Title, e.Status, e.PublishedAt, e.ClosedAt })
            .ToListAsync(ct);
        var files = await db.Set<PublishedFile>().AsNoTracking()
            .Select(f => new { f.EditionId, Year = db.Editions.Where(e => e.Id == f.EditionId).Select(e => e.Year).First(), f.Kind, f.Format, f.Revision, f.FileName, f.Sha256, Size = (long)f.Content.Length })
            .ToListAsync(ct);
        return editions.Select(e => new EditionRow(e.Year, e.Title, e.Status, e.PublishedAt, e.ClosedAt,
            files.Where(f => f.Year == e.Year).OrderBy(f => f.Kind).ThenBy(f => f.Format).ThenByDescending(f => f.Revision)
                .Select(f => new EditionFileView(f.Kind, f.Format, f.Revision, f.FileName, f.Sha256, f.Size)).ToList())).ToList();
    }

    /// <summary>The newest stored file of <paramref name="kind"/>, or null when the edition has not reached that milestone.</summary>
    public async Task<PublishedFile?> PublishedFileAsync(FiscalYear year, PublishedFormat format, PublishedKind kind, CancellationToken ct) =>
        await db.Editions.AsNoTracking().Where(e => e.Year == year && e.Status != EditionStatus.Draft)
            .SelectMany(e => e.Files).Where(f => f.Format == format && f.Kind == kind)
            .OrderByDescending(f => f.Revision).FirstOrDefaultAsync(ct);

    /// <summary>Renders both booklets, stores them with their checksums and freezes the edition. Returns an error message or null.</summary>
    public async Task<string?> PublishAsync(FiscalYear year, CancellationToken ct)
    {
        // What is published is public: read every report as the public would, whoever presses the button.
        db.ReadAs(ReportAudience.AcceptedOnly);
        var edition = await db.Editions.Include(e => e.Files).FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null)
        {
            return "版が見つかりません。";
        }

        if (edition.Status != EditionStatus.Draft)
        {
            return $"{edition.EditionName}は既に公表されています。";
        }

        // The plan booklet: the year's report rows are empty until the results are closed.
        var booklet = await reader.ReadAsync(year, BookletStage.Plan, ct);
        var now = clock.GetUtcNow();
        var name = $"本庄市行政改革大綱_{year.JapaneseName}実施計画シート";
        var files = new[]
        {
            new PublishedFile(PublishedFormat.Pdf, name + ".pdf", BookletExportService.PdfType, await pdf.RenderAsync(booklet!, ct), now),
            new PublishedFile(PublishedFormat.Excel, name + ".xlsx", BookletExportService.ExcelType, excel.Write(booklet!), now),
        };

        // The open data is frozen with the booklets: what 公表 published is what /opendata serves from then on.
        var dataset = await openData.ReadAsync(year, now, ct);
        files =
        [
            .. files,
            new PublishedFile(PublishedFormat.Csv, $"honjo-gyoseikaikaku-{year.Code}.csv", OpenDataCsvWriter.ContentType, OpenDataCsvWriter.Write(dataset!), now),
            new PublishedFile(PublishedFormat.Json, $"honjo-gyoseikaikaku-{year.Code}.json", OpenDataJsonWriter.ContentType, OpenDataJsonWriter.Write(dataset!), now),
        ];
        try
        {
            edition.Publish(now, files);
        }
        catch (DomainException e)
        {
            return e.Message;
        }

        // The edition's plan versions are fixed from now on (the entities refuse any change).
        foreach (var plan in await db.Plans.InEdition(edition.Id).ToListAsync(ct))
        {
            plan.Lock();
        }

        audit.Record(Infrastructure.Auditing.AuditAction.EditionPublished, edition.EditionName, string.Join("、", files.Select(f => f.FileName)));
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
                return $"{edition.EditionName}は既に公表されています。";
            }

            throw;
        }

        return null;
    }
    /// <summary>
    /// 実績の確定: every report of the year (plans running in it, in this edition) must be accepted; they are locked, and
    /// the results booklet and the year's open data are stored. Returns an error message, or null when done.
    /// </summary>
    public async Task<string?> CloseAsync(FiscalYear year, CancellationToken ct)
    {
        var edition = await db.Editions.Include(e => e.Files).FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null)
        {
            return "版が見つかりません。";
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
            return e.Message;
        }

        // What is published is public: the results booklet and open data read as the public would.
        db.ReadAs(ReportAudience.AcceptedOnly);
        var now = clock.GetUtcNow();
        var booklet = await reader.ReadAsync(year, BookletStage.Results, ct);
        var dataset = await openData.ReadAsync(year, now, ct);
        var name = $"本庄市行政改革大綱_{year.JapaneseName}実施計画シート_実績";
        PublishedFile[] files =
        [
            new(PublishedFormat.Pdf, name + ".pdf", BookletExportService.PdfType, await pdf.RenderAsync(booklet!, ct), now, PublishedKind.Results),
            new(PublishedFormat.Excel, name + ".xlsx", BookletExportService.ExcelType, excel.Write(booklet!), now, PublishedKind.Results),
            new(PublishedFormat.Csv, $"honjo-gyoseikaikaku-{year.Code}-results.csv", OpenDataCsvWriter.ContentType, OpenDataCsvWriter.Write(dataset!), now, PublishedKind.Results),
            new(PublishedFormat.Json, $"honjo-gyoseikaikaku-{year.Code}-results.json", OpenDataJsonWriter.ContentType, OpenDataJsonWriter.Write(dataset!), now, PublishedKind.Results),
        ];
        audit.Record(Infrastructure.Auditing.AuditAction.ResultsClosed, edition.EditionName, string.Join("、", files.Select(f => f.FileName)));
        try
        {
            edition.Close(now, files, []);
            foreach (var plan in plans)
            {
                plan.ReportFor(year)!.CloseYear();
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return e.Message;
        }
        catch (DbUpdateException)
        {
            // Pressed twice, or by two people at once: the first closed the year.
            db.ChangeTracker.Clear();
            if (await db.Editions.AnyAsync(e => e.Year == year && e.Status == EditionStatus.Closed, ct))
            {
                return $"{edition.EditionName}の実績は既に確定しています。";
            }

            throw;
        }

        return null;
    }
}
