using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Booklets;

/// <summary>
/// Everything one edition's booklet prints, in print order: the cover, the 目次 and one sheet per plan.
/// The same content feeds the screen, the PDF and the Excel workbook.
/// </summary>
public sealed record BookletDocument(
    string OutlineTitle,
    string Theme,
    string PeriodLabel,
    FiscalYear Year,
    string EditionTitle,
    string IssuedLabel,
    IReadOnlyList<FiscalYear> OutlineYears,
    IReadOnlyList<BookletField> Fields,
    bool IsSinglePlan = false)
{
    /// <summary>"本庄市行政改革大綱 令和6年度 実施計画シート(案)": the booklet's title (page headers, the Excel header).</summary>
    public string Title => $"{OutlineTitle} {EditionTitle}";

    /// <summary>
    /// The title a file of this document carries (the PDF's title): the booklet's, or for one plan its plan first,
    /// "1-9 公共施設の適正配置（本庄市行政改革大綱 令和6年度 実施計画シート(案)）".
    /// </summary>
    public string DocumentTitle => IsSinglePlan && Sheets.FirstOrDefault() is { } sheet
        ? $"{sheet.Number} {sheet.Name}（{Title}）"
        : Title;

    /// <summary>"本庄市行政改革大綱 R6年度実施計画シート": the heading of every sheet.</summary>
    public string SheetHeading => $"{OutlineTitle} {Year.Code}年度実施計画シート";

    public IEnumerable<BookletSheet> Sheets => Fields.SelectMany(f => f.Sheets);

    /// <summary>The total page count the printed booklet must have.</summary>
    public int PageCount => IsSinglePlan ? Sheets.Count() : Contents.PageCount;

    /// <summary>
    /// The 目次 cut into pages, computed from the fields' rows each time it is asked for, so it always describes
    /// <see cref="Fields"/> as they are (never numbers stored elsewhere).
    /// </summary>
    public BookletContents Contents => BookletContents.Paginate(Fields.Select(f => f.ContentsField).ToList());

    /// <summary>
    /// The document with every sheet and field carrying the page <see cref="Contents"/> gives it. Readers call this
    /// once they have the edition's sheets, so that the sheet's 「N頁」, the 目次 and the Excel 一覧 agree.
    /// </summary>
    public BookletDocument Paginate()
    {
        var contents = Contents;
        return this with
        {
            Fields = Fields
                .Select(f => f with
                {
                    Page = contents.PageOfField(f.Number),
                    Sheets = f.Sheets.Select(s => s with { Page = contents.PageOf(s.Number) }).ToList(),
                })
                .ToList(),
        };
    }

    /// <summary>A document of one plan only: no cover, no 目次.</summary>
    public BookletDocument ForPlan(PlanNumber number) => this with
    {
        IsSinglePlan = true,
        Fields = Fields
            .Select(f => f with { Sheets = f.Sheets.Where(s => s.Number == number).ToList() })
            .Where(f => f.Sheets.Count > 0)
            .ToList(),
    };
}

public sealed record BookletField(int Number, string Name, int Page, IReadOnlyList<BookletSheet> Sheets)
{
    /// <summary>"1. 行政サービス改革".</summary>
    public string Title => $"{Number}. {Name}";

    /// <summary>"改革分野1. 行政サービス改革".</summary>
    public string Heading => ContentsField.HeadingOf(Title);

    /// <summary>"改革分野1. 行政サービス改革（続き）".</summary>
    public string ContinuedHeading => ContentsField.ContinuedHeadingOf(Title);

    /// <summary>The field's 目次 rows, as the pagination measures them.</summary>
    public ContentsField ContentsField => new(Number, Title, Sheets.Select(s => s.ContentsLine).ToList());
}

/// <summary>
/// One year's target as printed, with its quantity when <see cref="TargetParser"/> reads one, and the 実績値 of that
/// year's year-end report when the sheet may show it.
/// </summary>
public sealed record BookletTarget(FiscalYear Year, IReadOnlyList<string> Lines, bool InPlanPeriod, TargetQuantity? Quantity = null, decimal? Actual = null)
{
    /// <summary>The target as first set, when a later edition changed it (目標変更); empty while unchanged.</summary>
    public IReadOnlyList<string> OriginalLines { get; init; } = [];

    public TargetAchievement? Achievement => Quantity is not null && Actual is { } actual ? Quantity.Evaluate(actual) : null;

    /// <summary>"実績：17,000件（達成）", or empty when there is nothing to show.</summary>
    public string ResultText => Achievement is { } a ? $"実績：{TargetFormat.Amount(a.Actual, a.Target.Unit)}（{a.Label}）" : string.Empty;
}

public sealed record BookletGrade(FiscalYear Year, EvaluationGrade Grade)
{
    /// <summary>The 企画課's 二次評価 of that year, where it is shown (ADR 0028).</summary>
    public EvaluationGrade? SecondGrade { get; init; }
}

/// <summary>One plan sheet as printed.</summary>
public sealed record BookletSheet(
    PlanNumber Number,
    string Name,
    string FieldTitle,
    IReadOnlyList<string> ExecutingDepartments,
    IReadOnlyList<string> Cooperators,
    bool CooperatorsOpenEnded,
    FiscalYear StartYear,
    FiscalYear TargetYear,
    IReadOnlyList<int> SdgGoals,
    ReformPerspective Perspective,
    IReadOnlyList<string> PolicyMeasures,
    IReadOnlyList<string> CurrentSituation,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Effects,
    IReadOnlyList<BookletTarget> Targets,
    FiscalYear ReportYear,
    string StatusReport,
    EvaluationGrade? Grade,
    string NextYearPolicy,
    IReadOnlyList<BookletGrade> EarlierGrades,
    IReadOnlyList<string> Remarks,
    int Page)
{
    public string ExecutingDepartmentsText => string.Join("、", ExecutingDepartments);

    /// <summary>
    /// The 企画課's 二次評価 of <see cref="ReportYear"/> (accepted reports only), where it is shown: always on screen, in a
    /// booklet only when its edition prints it (ADR 0028).
    /// </summary>
    public EvaluationGrade? SecondGrade { get; init; }

    /// <summary>
    /// The 目次's 終了: the year the plan ended (完了・廃止・統合, recorded on its <see cref="PlanKey"/>), blank while it
    /// runs, as in the source booklet; it is not the 達成目標年度.
    /// </summary>
    public FiscalYear? EndYear { get; init; }

    /// <summary>This sheet's 目次 row, as the pagination measures it.</summary>
    public ContentsLine ContentsLine => new(Number, Name, ExecutingDepartmentsText);

    public string CooperatorsText => string.Join("、", Cooperators) + (CooperatorsOpenEnded ? "など" : string.Empty);

    public string PolicyMeasuresText => string.Join("、", PolicyMeasures);

    /// <summary>"R6年度末の取組状況報告".</summary>
    public string StatusReportHeading => $"{ReportYear.Code}年度末の取組状況報告";

    /// <summary>"R7年度に向けた取組方針".</summary>
    public string NextYearPolicyHeading => $"{ReportYear.Next.Code}年度に向けた取組方針";

    /// <summary>Whether any year's target is numeric: the sheet then shows the trend of target and actual.</summary>
    public bool HasNumericTargets => Targets.Any(t => t.Quantity is not null);

    /// <summary>
    /// Builds the printed sheet of <paramref name="plan"/> for the edition of <paramref name="year"/>. With
    /// <paramref name="includeUnaccepted"/>, a year-end report the 企画課 has not accepted is shown (the department's own view).
    /// </summary>

    public static BookletSheet From(
        Plan plan, IReadOnlyList<FiscalYear> outlineYears, FiscalYear year, int page, bool includeUnaccepted, BookletStage stage = BookletStage.Results,
        bool withSecondGrades = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(outlineYears);
        var stored = stage == BookletStage.Plan ? null : plan.ReportFor(year);
        var lastActualYear = stage == BookletStage.Plan ? year.Previous : year;
        var report = stored is not null && (includeUnaccepted || stored.Status == ReportStatus.Accepted) ? stored : null;
        return new BookletSheet(
            plan.PlanNumber,
            plan.Name,
            plan.Field.Title,
            plan.ExecutingDepartments.OrderBy(d => d.Order).Select(d => d.Department.Name).ToList(),
            plan.Cooperators.OrderBy(c => c.Order).Select(c => c.Label).ToList(),
            plan.CooperatorsOpenEnded,
            plan.StartYear,
            plan.TargetYear,
            plan.SdgGoals.Select(g => g.Goal).Order().ToList(),
            plan.Perspective,
            plan.Items(PlanTextSection.PolicyMeasure),
            plan.Items(PlanTextSection.CurrentSituation),
            plan.Items(PlanTextSection.Actions),
            plan.Items(PlanTextSection.Effects),
            outlineYears.Select(y => new BookletTarget(
                y,
                plan.TargetFor(y).Split('\n', StringSplitOptions.RemoveEmptyEntries),
                plan.IsRunningIn(y),
                plan.QuantityFor(y),
                ActualFor(plan, y, lastActualYear, includeUnaccepted))
            {
                OriginalLines = plan.YearTargets.FirstOrDefault(t => t.Year == y)?.OriginalText?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [],
            }).ToList(),
            year,
            report?.StatusReport ?? string.Empty,
            report?.Grade,
            report?.NextYearPolicy ?? string.Empty,
            plan.YearEndReports
                .Where(r => r.Year < year && r.Grade is not null && (includeUnaccepted || r.Status == ReportStatus.Accepted))
                .OrderBy(r => r.Year)
                .Select(r => new BookletGrade(r.Year, r.Grade!.Value) { SecondGrade = withSecondGrades ? AcceptedSecondGrade(r) : null })
                .ToList(),
            plan.Items(PlanTextSection.Remarks),
            page)
        {
            SecondGrade = withSecondGrades && report is not null ? AcceptedSecondGrade(report) : null,
            EndYear = PlanKey.EndYearShownIn(plan.Key?.EndedYear, plan.Key?.EndedAt, year, plan.Edition?.PublishedAt),
        };
    }

    /// <summary>A 二次評価 exists only on an accepted report; this states it where it is read.</summary>
    private static EvaluationGrade? AcceptedSecondGrade(YearEndReport report) =>
        report.Status == ReportStatus.Accepted ? report.SecondGrade : null;

    /// <summary>The 実績値 of <paramref name="target"/>'s report, shown up to the edition's year, accepted only unless asked.</summary>
    private static decimal? ActualFor(Plan plan, FiscalYear target, FiscalYear year, bool includeUnaccepted) =>
        target <= year && plan.ReportFor(target) is { ActualValue: { } actual } report && (includeUnaccepted || report.Status == ReportStatus.Accepted)
            ? actual
            : null;
}

/// <summary>
/// How the printed booklet is paginated: a cover, as many 目次 pages as <see cref="BookletContents"/> needs, then one
/// page per sheet. The 目次 constants describe booklet.css's 目次 (A4 with 12/10/16 mm margins, an 8.5 pt table with
/// fixed column widths) as measured in Chromium; change the two together. A 目次 line is one single-line table row
/// (5.95 mm printed); a row that wraps counts one line per text line (a further text line is only 3.9 mm, so wrapped
/// rows leave a little spare room). ADR 0017 records the measurements.
/// </summary>
public static class BookletLayout
{
    public const int CoverPage = 1;
    public const int FirstContentsPage = 2;

    /// <summary>
    /// The lines one 目次 page holds. The printable height is 269 mm (297 mm less the 12 and 16 mm margins), 45.2
    /// lines. A page at the budget prints at most 43 × 5.95 = 256 mm (headings and the title count more lines than
    /// they take), so about two lines stay spare for a name that Chromium breaks into more lines than the width rule
    /// says.
    /// </summary>
    public const int ContentsLinesPerPage = 43;

    /// <summary>The 「目次」 title of the first 目次 page: 12.9 mm with its margin, counted as 3 lines.</summary>
    public const int TitleLines = 3;

    /// <summary>
    /// A field heading of one line with its margins (11.2 mm) and the table's header row (5.95 mm): 17.2 mm, counted
    /// as 3 lines. Each further line of a wrapped heading counts one more.
    /// </summary>
    public const int HeadingLines = 3;

    /// <summary>A field longer than a page starts on the current page only if its heading and this many rows fit there.</summary>
    public const int MinimumRowsUnderHeading = 3;

    /// <summary>
    /// Full-width characters a line of the 計画名 column holds: 111 mm less 3.3 mm of padding and rules, at 8.5 pt
    /// (3.0 mm a character), is 35.9.
    /// </summary>
    public const int NameColumnCharacters = 35;

    /// <summary>Full-width characters a line of the 実行課 column holds: 38 mm less 3.3 mm, at 8.5 pt, is 11.6.</summary>
    public const int DepartmentsColumnCharacters = 11;

    /// <summary>
    /// Full-width characters a line of a field heading holds: 190 mm at 11 pt (3.9 mm a character) is 48.9, less the
    /// page number and the gap before it.
    /// </summary>
    public const int HeadingCharacters = 44;
}
