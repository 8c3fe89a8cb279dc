using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Editions;

/// <summary>
/// One year's booklet 「令和N年度 実施計画シート」: its title, its 目次 page numbers and where it stands in the year:
/// 案 (the plan versions are being prepared) → 計画公表 (<see cref="Publish"/>: the versions are locked and the plan
/// booklet is stored) → 実績確定 (<see cref="Close"/>: every report of the year is accepted and locked, and the results
/// booklet and open data are stored). See ADR 0016.
/// </summary>
public sealed class BookletEdition
{
    private readonly List<BookletEntry> _entries = [];
    private readonly List<BookletFieldPage> _fieldPages = [];
    private readonly List<PublishedFile> _files = [];
    private readonly List<Correction> _corrections = [];

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

    /// <summary>"令和6年度 実施計画シート(案)" while a draft; "令和6年度 実施計画シート" once published.</summary>
    public string Title { get; private set; }

    /// <summary>The title as the published booklet prints it: without the draft mark 「(案)」 / 「（案）」.</summary>
    public string PublishedTitle => WithoutDraftMark(Title);

    /// <summary>The draft title of the edition made from this one for <paramref name="year"/>: 「令和7年度 実施計画シート(案)」.</summary>
    public string DraftTitleFor(FiscalYear year) =>
        WithoutDraftMark(Title).Replace(Year.JapaneseName, year.JapaneseName, StringComparison.Ordinal) + DraftMark;

    private const string DraftMark = "(案)";

    private static string WithoutDraftMark(string title)
    {
        var trimmed = title.TrimEnd();
        foreach (var mark in new[] { DraftMark, "（案）" })
        {
            if (trimmed.EndsWith(mark, StringComparison.Ordinal))
            {
                return trimmed[..^mark.Length].TrimEnd();
            }
        }

        return trimmed;
    }

    /// <summary>The issue date as printed on the cover ("令和6年 月" in the draft).</summary>
    public string IssuedLabel { get; private set; }

    public EditionStatus Status { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>When the year's results were closed (実績の確定); null before.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>After 計画の公表 the edition's plan versions cannot change (only a 訂正 can).</summary>
    public bool IsPlanLocked => Status != EditionStatus.Draft;

    /// <summary>After 実績の確定 the year's reports cannot change (only a 訂正 can).</summary>
    public bool IsClosed => Status == EditionStatus.Closed;

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

    /// <summary>
    /// Whether this edition's booklet (PDF and Excel) prints the 企画課's 二次評価 beside each department's grade. Off by
    /// default: the booklet prints the grades as the source does (ADR 0028). Screens and open data always carry both.
    /// </summary>
    public bool PrintsSecondGrade { get; private set; }

    /// <summary>Sets <see cref="PrintsSecondGrade"/>; refused once the year's results are closed (the booklet is stored).</summary>
    public void SetSecondGradePrinting(bool print)
    {
        if (IsClosed)
        {
            throw new DomainException($"{EditionName}は実績を確定済のため、冊子に二次評価を載せるかどうかは変更できません。");
        }

        PrintsSecondGrade = print;
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

    /// <summary>The 訂正 made after this edition's milestones, oldest first.</summary>
    public IReadOnlyList<Correction> Corrections => _corrections;

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

    /// <summary>
    /// 計画の公表: locks the plan versions and stores the plan booklet (and open data) as published; the title loses its
    /// draft mark (「(案)」), as the files were printed with <see cref="PublishedTitle"/>. It cannot be undone.
    /// </summary>
    public void Publish(DateTimeOffset now, IReadOnlyList<PublishedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        EnsureDraft();
        RequireBooklets(files, PublishedKind.Plan, "公表");
        _files.AddRange(files);
        Title = PublishedTitle;
        Status = EditionStatus.Published;
        PublishedAt = now;
    }

    /// <summary>Department entry of the year's reports opens at 計画の公表 and ends at 実績の確定 (ADR 0016).</summary>
    public bool IsReportEntryOpen => Status == EditionStatus.Published;

    /// <summary>
    /// Refuses entering (saving, submitting) a report of this edition's year while the edition is a draft: there is no
    /// published plan to report against yet. After 実績の確定 the reports refuse by themselves (<see cref="Plans.YearEndReport.IsClosed"/>).
    /// </summary>
    public void EnsureReportEntryOpen()
    {
        if (Status == EditionStatus.Draft)
        {
            throw new DomainException(ReportEntryNotOpenMessage);
        }
    }

    /// <summary>「令和7年度版はまだ計画の公表前のため、令和7年度の取組状況報告は入力できません。」</summary>
    public string ReportEntryNotOpenMessage =>
        $"{EditionName}はまだ計画の公表前のため、{Year.JapaneseName}の取組状況報告は入力できません。企画課が計画を公表した後に入力してください。";

    /// <summary>
    /// 実績の確定: the year's reports are final. Refused before 計画の公表, a second time, and while any plan's report of the
    /// year is not accepted (<paramref name="notAccepted"/> names them).
    /// </summary>
    public void Close(DateTimeOffset now, IReadOnlyList<PublishedFile> files, IReadOnlyCollection<Plans.PlanNumber> notAccepted)
    {
        ArgumentNullException.ThrowIfNull(files);
        EnsureCanClose(notAccepted);
        RequireBooklets(files, PublishedKind.Results, "実績の確定");
        _files.AddRange(files);
        Status = EditionStatus.Closed;
        ClosedAt = now;
    }

    /// <summary>Refuses 実績の確定 before 計画の公表, a second time, or while a report of the year is not accepted.</summary>
    public void EnsureCanClose(IReadOnlyCollection<Plans.PlanNumber> notAccepted)
    {
        ArgumentNullException.ThrowIfNull(notAccepted);
        switch (Status)
        {
            case EditionStatus.Draft:
                throw new DomainException($"{EditionName}はまだ計画を公表していません。実績の確定は計画の公表の後に行います。");
            case EditionStatus.Closed:
                throw new DomainException($"{EditionName}の実績は既に確定しています。");
        }

        if (notAccepted.Count > 0)
        {
            var shown = string.Join("、", notAccepted.Take(10).Select(n => n.ToString()));
            throw new DomainException(
                $"{Year.JapaneseName}の報告のうち{notAccepted.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}件がまだ確認済ではありません（{shown}{(notAccepted.Count > 10 ? "ほか" : string.Empty)}）。すべて確認済にしてから実績を確定してください。");
        }
    }

    /// <summary>The revision number the next publication of <paramref name="kind"/> gets: 1 at its milestone, then one more per 訂正.</summary>
    public int NextRevision(PublishedKind kind) => _files.Where(f => f.Kind == kind).Select(f => f.Revision).DefaultIfEmpty(0).Max() + 1;

    /// <summary>
    /// Refuses a 訂正 the edition's state does not call for: a draft is edited normally, and a report before 実績の確定 is
    /// changed by reopening it.
    /// </summary>
    public void EnsureCorrectable(CorrectionKind kind)
    {
        if (Status == EditionStatus.Draft)
        {
            throw new DomainException($"{EditionName}はまだ案（計画の公表前）のため、訂正は不要です。計画の編集でそのまま変更してください。");
        }

        if (kind == CorrectionKind.Report && Status != EditionStatus.Closed)
        {
            throw new DomainException($"{Year.JapaneseName}の実績はまだ確定していないため、訂正は不要です。報告の再開・差戻しで変更してください。");
        }
    }

    /// <summary>
    /// Records a 訂正 of plan <paramref name="planKeyId"/> and stores the booklets published again with it: the affected
    /// booklet (<see cref="CorrectionKinds.Republishes"/>) with PDF and Excel at least, every file the next revision of its
    /// kind. The earlier revisions stay. Refused without a reason or in a state that needs no 訂正.
    /// </summary>
    public Correction RecordCorrection(
        CorrectionKind kind, int planKeyId, string? reason, string by, DateTimeOffset at, IReadOnlyList<PublishedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        EnsureCorrectable(kind);
        var why = Guard.Required(reason, "訂正の理由", Correction.MaxReasonLength);
        var republished = kind.Republishes();
        RequireBooklets(files.Where(f => f.Kind == republished).ToList(), republished, "訂正");
        if (files.Any(f => f.Revision != NextRevision(f.Kind)))
        {
            throw new DomainException("訂正で公表し直すファイルは、それぞれ次の版番号にしてください。");
        }

        var correction = new Correction(kind, planKeyId, why, by, at, NextRevision(republished));
        _files.AddRange(files);
        _corrections.Add(correction);
        return correction;
    }

    /// <summary>The newest revision of a published file of <paramref name="kind"/>, or null.</summary>
    public PublishedFile? FileOf(PublishedFormat format, PublishedKind kind = PublishedKind.Plan) =>
        _files.Where(f => f.Format == format && f.Kind == kind).MaxBy(f => f.Revision);

    private static void RequireBooklets(IReadOnlyList<PublishedFile> files, PublishedKind kind, string action)
    {
        if (files.Any(f => f.Kind != kind)
            || !files.Any(f => f.Format == PublishedFormat.Pdf) || !files.Any(f => f.Format == PublishedFormat.Excel))
        {
            throw new DomainException($"{action}にはPDFとExcelの両方の冊子が必要です。");
        }
    }

    private void EnsureDraft()
    {
        if (Status != EditionStatus.Draft)
        {
            throw new DomainException($"{EditionName}は公表済みのため変更できません。");
        }
    }
}

public enum EditionStatus
{
    /// <summary>作成中 (案).</summary>
    Draft = 1,

    /// <summary>計画公表済: the plan versions are locked; departments report on the year.</summary>
    Published = 2,

    /// <summary>実績確定済: the year's reports are accepted and locked.</summary>
    Closed = 3,
}

public static class EditionStatuses
{
    public static string DisplayName(this EditionStatus status) => status switch
    {
        EditionStatus.Draft => "案",
        EditionStatus.Published => "計画公表済",
        EditionStatus.Closed => "実績確定済",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Published at least once: the plan booklet exists and open data may be served.</summary>
    public static bool IsPublished(this EditionStatus status) => status is EditionStatus.Published or EditionStatus.Closed;
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
