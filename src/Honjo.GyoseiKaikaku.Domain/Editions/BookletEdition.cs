using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Editions;

/// <summary>
/// One year's booklet 「令和N年度 実施計画シート」: its title, its 目次 page numbers and whether it is published.
/// </summary>
public sealed class BookletEdition
{
    private readonly List<BookletEntry> _entries = [];
    private readonly List<BookletFieldPage> _fieldPages = [];
    private readonly List<PublishedFile> _files = [];

    private BookletEdition()
    {
        Title = string.Empty;
        IssuedLabel = string.Empty;
    }

    public BookletEdition(FiscalYear year, string title, string issuedLabel)
    {
        Year = year;
        Title = Guard.Required(title, "冊子の表題");
        IssuedLabel = issuedLabel?.Trim() ?? string.Empty;
        Status = EditionStatus.Draft;
    }

    public int Id { get; private set; }

    public FiscalYear Year { get; private set; }

    /// <summary>"令和6年度 実施計画シート(案)".</summary>
    public string Title { get; private set; }

    /// <summary>The issue date as printed on the cover ("令和6年 月" in the draft).</summary>
    public string IssuedLabel { get; private set; }

    public EditionStatus Status { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The day by which departments are asked to submit their year-end reports (提出期限).</summary>
    public DateOnly? ReportDeadline { get; private set; }

    public void SetReportDeadline(DateOnly? deadline)
    {
        if (deadline is { } day && (day.Year < Year.WesternYear || day > Year.Next.LastDay))
        {
            throw new DomainException($"提出期限は{Year.JapaneseName}から翌年度末までの日付を指定してください。");
        }

        ReportDeadline = deadline;
    }

    /// <summary>A report not yet handed in is late once the deadline day has passed.</summary>
    public bool IsLate(Plans.ReportStatus status, DateOnly today) =>
        ReportDeadline is { } deadline && today > deadline && !Plans.ReportStatuses.IsHandedIn(status);

    /// <summary>"令和6年度版".</summary>
    public string EditionName => $"{Year.JapaneseName}版";

    public IReadOnlyList<BookletEntry> Entries => _entries;

    public IReadOnlyList<BookletFieldPage> FieldPages => _fieldPages;

    /// <summary>The PDF and Excel booklets as published; empty while the edition is a draft.</summary>
    public IReadOnlyList<PublishedFile> Files => _files;

    public int? PageOf(int planId) => _entries.FirstOrDefault(e => e.PlanId == planId)?.Page;

    public void SetPages(IEnumerable<(int PlanId, int Page)> planPages, IEnumerable<(int FieldNumber, int Page)> fieldPages)
    {
        ArgumentNullException.ThrowIfNull(planPages);
        ArgumentNullException.ThrowIfNull(fieldPages);
        EnsureDraft();
        _entries.Clear();
        _entries.AddRange(planPages.Select(p => new BookletEntry(p.PlanId, p.Page)));
        _fieldPages.Clear();
        _fieldPages.AddRange(fieldPages.Select(f => new BookletFieldPage(f.FieldNumber, f.Page)));
    }

    /// <summary>公表: freezes the edition with the files that were published. It cannot be undone.</summary>
    public void Publish(DateTimeOffset now, IReadOnlyList<PublishedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        EnsureDraft();
        if (!files.Any(f => f.Format == PublishedFormat.Pdf) || !files.Any(f => f.Format == PublishedFormat.Excel))
        {
            throw new DomainException("公表にはPDFとExcelの両方の冊子が必要です。");
        }

        _files.AddRange(files);
        Status = EditionStatus.Published;
        PublishedAt = now;
    }

    public PublishedFile? FileOf(PublishedFormat format) => _files.FirstOrDefault(f => f.Format == format);

    private void EnsureDraft()
    {
        if (Status == EditionStatus.Published)
        {
            throw new DomainException($"{EditionName}は公表済みのため変更できません。");
        }
    }
}

public enum EditionStatus
{
    /// <summary>作成中 (案).</summary>
    Draft = 1,

    /// <summary>公表済.</summary>
    Published = 2,
}

/// <summary>A 目次 line: the page a plan's sheet is on in this edition.</summary>
public sealed class BookletEntry
{
    private BookletEntry()
    {
    }

    internal BookletEntry(int planId, int page)
    {
        PlanId = planId;
        Page = page;
    }

    public int EditionId { get; private set; }

    public int PlanId { get; private set; }

    public int Page { get; private set; }
}

/// <summary>The page a reform field's part starts on, as the 目次 heading prints it.</summary>
public sealed class BookletFieldPage
{
    private BookletFieldPage()
    {
    }

    internal BookletFieldPage(int fieldNumber, int page)
    {
        FieldNumber = fieldNumber;
        Page = page;
    }

    public int EditionId { get; private set; }

    public int FieldNumber { get; private set; }

    public int Page { get; private set; }
}
