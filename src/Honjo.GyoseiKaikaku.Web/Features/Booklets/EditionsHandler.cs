using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

public sealed record EditionFileView(PublishedFormat Format, string FileName, string Sha256, long Size);

public sealed record EditionRow(FiscalYear Year, string Title, EditionStatus Status, DateTimeOffset? PublishedAt, IReadOnlyList<EditionFileView> Files);

/// <summary>The editions and their downloads; 公表 (publishing) stores the booklet files with their checksums.</summary>
public sealed class EditionsHandler(
    AppDbContext db, IBookletReader reader, IBookletPdfRenderer pdf, IBookletExcelWriter excel, OpenDataReader openData, TimeProvider clock,
    Infrastructure.Auditing.IAuditLog audit)
{
    public async Task<IReadOnlyList<EditionRow>> ListAsync(CancellationToken ct)
    {
        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Year)
            .Select(e => new { e.Year, e.Title, e.Status, e.PublishedAt })
            .ToListAsync(ct);
        var files = await db.Set<PublishedFile>().AsNoTracking()
            .Select(f => new { f.EditionId, Year = db.Editions.Where(e => e.Id == f.EditionId).Select(e => e.Year).First(), f.Format, f.FileName, f.Sha256, Size = (long)f.Content.Length })
            .ToListAsync(ct);
        return editions.Select(e => new EditionRow(e.Year, e.Title, e.Status, e.PublishedAt,
            files.Where(f => f.Year == e.Year).OrderBy(f => f.Format).Select(f => new EditionFileView(f.Format, f.FileName, f.Sha256, f.Size)).ToList())).ToList();
    }

    /// <summary>The stored file of a published edition, or null when the edition is a draft (or unknown).</summary>
    public async Task<PublishedFile?> PublishedFileAsync(FiscalYear year, PublishedFormat format, CancellationToken ct) =>
        await db.Editions.AsNoTracking().Where(e => e.Year == year && e.Status == EditionStatus.Published)
            .SelectMany(e => e.Files).Where(f => f.Format == format).FirstOrDefaultAsync(ct);

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

        if (edition.Status == EditionStatus.Published)
        {
            return $"{edition.EditionName}は既に公表されています。";
        }

        var booklet = await reader.ReadAsync(year, ct);
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

        audit.Record(Infrastructure.Auditing.AuditAction.EditionPublished, edition.EditionName, string.Join("、", files.Select(f => f.FileName)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Pressed twice, or by two people at once: the first 公表 stored the files (a unique index); this one is a no-op.
            db.ChangeTracker.Clear();
            if (await db.Editions.AnyAsync(e => e.Year == year && e.Status == EditionStatus.Published, ct))
            {
                return $"{edition.EditionName}は既に公表されています。";
            }

            throw;
        }

        return null;
    }
}
