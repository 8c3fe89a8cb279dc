using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

public sealed record EditionFileView(
    int Id, PublishedKind Kind, PublishedFormat Format, int Revision, string FileName, string Sha256, long Size, DateTimeOffset CreatedAt);

/// <summary>A 訂正 as the edition's page lists it.</summary>
public sealed record CorrectionView(DateTimeOffset At, PlanNumber Plan, CorrectionKind Kind, string Reason, string By, int Revision);

public sealed record EditionRow(
    FiscalYear Year, string Title, EditionStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset? ClosedAt, IReadOnlyList<EditionFileView> Files)
{
    public IReadOnlyList<CorrectionView> Corrections { get; init; } = [];

    /// <summary>The edition's booklet prints the 企画課's 二次評価 (ADR 0028).</summary>
    public bool PrintsSecondGrade { get; init; }
}

/// <summary>The editions and their downloads; 公表 (publishing) stores the booklet files with their checksums.</summary>
public sealed class EditionsHandler(
    AppDbContext db, IBookletReader reader, IBookletPdfRenderer pdf, IBookletExcelWriter excel, OpenDataReader openData, TimeProvider clock,
    Infrastructure.Auditing.IAuditLog audit, Infrastructure.Notices.Notifier notifier)
{
    public async Task<IReadOnlyList<EditionRow>> ListAsync(CancellationToken ct)
    {
        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Year)
            .Select(e => new { e.Year, e.Title, e.Status, e.PublishedAt, e.ClosedAt, e.PrintsSecondGrade })
            .ToListAsync(ct);
        var files = await db.Set<PublishedFile>().AsNoTracking()
            .Select(f => new { f.Id, f.EditionId, Year = db.Editions.Where(e => e.Id == f.EditionId).Select(e => e.Year).First(), f.Kind, f.Format, f.Revision, f.FileName, f.Sha256, Size = (long)f.Content.Length, f.CreatedAt })
            .ToListAsync(ct);
        var corrections = await db.Set<Correction>().AsNoTracking()
            .Select(c => new
            {
                Year = db.Editions.Where(e => e.Id == c.EditionId).Select(e => e.Year).First(),
                Key = db.PlanKeys.Where(k => k.Id == c.PlanKeyId).Select(k => new { k.FieldNumber, k.Number }).First(),
                c.At, c.Kind, c.Reason, c.By, c.Revision,
            })
            .ToListAsync(ct);
        return editions.Select(e => new EditionRow(e.Year, e.Title, e.Status, e.PublishedAt, e.ClosedAt,
            files.Where(f => f.Year == e.Year).OrderBy(f => f.Kind).ThenByDescending(f => f.Revision).ThenBy(f => f.Format)
                .Select(f => new EditionFileView(f.Id, f.Kind, f.Format, f.Revision, f.FileName, f.Sha256, f.Size, f.CreatedAt)).ToList())
        {
            PrintsSecondGrade = e.PrintsSecondGrade,
            Corrections = corrections.Where(c => c.Year == e.Year).OrderBy(c => c.At)
                .Select(c => new CorrectionView(c.At, new PlanNumber(c.Key.FieldNumber, c.Key.Number), c.Kind, c.Reason, c.By, c.Revision)).ToList(),
        }).ToList();
    }

    /// <summary>One stored file of a published edition, any revision (earlier ones stay downloadable after a 訂正); null when none.</summary>
    public async Task<PublishedFile?> StoredFileAsync(FiscalYear year, int id, CancellationToken ct) =>
        await db.Editions.AsNoTracking().Where(e => e.Year == year && e.Status != EditionStatus.Draft)
            .SelectMany(e => e.Files).FirstOrDefaultAsync(f => f.Id == id, ct);

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

        var now = clock.GetUtcNow();
        var files = await RenderAsync(edition, PublishedKind.Plan, 1, now, ct);
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
    /// <summary>
    /// Whether the edition's booklet prints the 二次評価 (ADR 0028): applies to the booklets made from now on (downloads, the
    /// results at 実績の確定, a 訂正's revision); files already stored keep what they print. Null when there is no such edition.
    /// </summary>
    public async Task<string?> SetSecondGradePrintingAsync(FiscalYear year, bool print, CancellationToken ct)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null)
        {
            return null;
        }

        try
        {
            edition.SetSecondGradePrinting(print);
        }
        catch (DomainException e)
        {
            return e.Message;
        }

        await db.SaveChangesAsync(ct);
        return string.Empty;
    }

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
        var files = await RenderAsync(edition, PublishedKind.Results, 1, now, ct);
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

    /// <summary>
    /// Renders what a milestone (or a 訂正) publishes for <paramref name="kind"/>: the booklet as PDF and Excel and the
    /// open data as CSV and JSON, as revision <paramref name="revision"/>. The plan booklet's year rows are empty; the
    /// results booklet carries the year's accepted reports. The caller reads as the public would
    /// (<see cref="ReportAudience.AcceptedOnly"/>). A published edition prints its title without 「(案)」.
    /// </summary>
    public async Task<PublishedFile[]> RenderAsync(BookletEdition edition, PublishedKind kind, int revision, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var year = edition.Year;
        var stage = kind == PublishedKind.Plan ? BookletStage.Plan : BookletStage.Results;
        var booklet = await reader.ReadAsync(year, stage, ct) ?? throw new InvalidOperationException($"No booklet for {year.Code}.");
        booklet = booklet with { EditionTitle = edition.PublishedTitle };
        var dataset = await openData.ReadAsync(year, now, ct) ?? throw new InvalidOperationException($"No open data for {year.Code}.");
        var results = kind == PublishedKind.Results;
        var suffix = revision > 1 ? $"_第{revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}版" : string.Empty;
        var name = $"本庄市行政改革大綱_{year.JapaneseName}実施計画シート" + (results ? "_実績" : string.Empty) + suffix;
        var data = $"honjo-gyoseikaikaku-{year.Code}" + (results ? "-results" : string.Empty)
            + (revision > 1 ? $"-rev{revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty);
        return
        [
            new(PublishedFormat.Pdf, name + ".pdf", BookletExportService.PdfType, await pdf.RenderAsync(booklet, ct), now, kind, revision),
            new(PublishedFormat.Excel, name + ".xlsx", BookletExportService.ExcelType, excel.Write(booklet), now, kind, revision),
            new(PublishedFormat.Csv, data + ".csv", OpenDataCsvWriter.ContentType, OpenDataCsvWriter.Write(dataset), now, kind, revision),
            new(PublishedFormat.Json, data + ".json", OpenDataJsonWriter.ContentType, OpenDataJsonWriter.Write(dataset), now, kind, revision),
        ];
    }
}
