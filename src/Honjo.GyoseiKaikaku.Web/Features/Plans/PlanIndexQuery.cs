using System.Globalization;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Plans;

/// <summary>The query string of <c>/plans</c>. Every filter is optional; values that do not parse are ignored and reported.</summary>
public sealed record PlanIndexRequest
{
    public string? Year { get; init; }

    public int? Field { get; init; }

    public int? Department { get; init; }

    /// <summary>Also match plans where the department is a 連携課.</summary>
    public bool Cooperating { get; init; }

    public ReformPerspective? Perspective { get; init; }

    /// <summary>"A", "B", "C" or "none" (未評価), for <see cref="GradeYear"/> or else the edition's last graded year.</summary>
    public string? Grade { get; init; }

    /// <summary>
    /// An explicit evaluation year ("R5"), as the summary's drill-down links use: the list then holds only plans
    /// running in that year, and grades and statuses count only when the 企画課 has accepted the report.
    /// </summary>
    public string? GradeYear { get; init; }

    /// <summary>The year-end report's workflow status in the evaluation year (未着手 includes plans without a report).</summary>
    public ReportStatus? Status { get; init; }

    public string? Q { get; init; }

    /// <summary>The page of a long list (1-based); absent or out of range means the nearest page that exists.</summary>
    public int? Page { get; init; }

    public bool HasFilters =>
        Field is not null || Department is not null || Perspective is not null
        || !string.IsNullOrWhiteSpace(Grade) || !string.IsNullOrWhiteSpace(Q)
        || ExplicitGradeYear is not null || Status is not null;

    /// <summary>The parsed <see cref="GradeYear"/>, or null when absent or unreadable.</summary>
    public FiscalYear? ExplicitGradeYear => FiscalYear.TryParse(GradeYear, out var year) ? year : null;
}

/// <summary>
/// Builds the 目次 of an edition, filtered and searched. A list longer than <see cref="PageSize"/> is paged in the
/// database (count, then one page of rows in booklet order), so a 1,000-plan edition sends one page, not the whole
/// list; the fields' first pages are offered as jumps (ADR 0022). Grades and report texts come through the global
/// report filter (ADR 0015), so the counts, pages and search never reveal a report the reader may not see.
/// </summary>
public sealed class PlanIndexQuery(AppDbContext db, EditionResolver editions)
{
    public const string UngradedValue = "none";

    /// <summary>Rows per page: R6's 56 plans stay on one page, as printed; a large edition pages.</summary>
    public const int PageSize = 100;

    public async Task<PlanIndexViewModel?> HandleAsync(PlanIndexRequest request, CancellationToken cancellationToken)
    {
        var context = await editions.ResolveAsync(request.Year, cancellationToken);
        if (context is null)
        {
            return null;
        }

        var editionId = context.Edition.Id;
        var explicitYear = request.ExplicitGradeYear;
        var gradeYear = explicitYear ?? context.LastGradedYear;
        var terms = SearchTerms.Split(request.Q);

        var plans = db.Plans.AsNoTracking().InEdition(editionId);

        if (request.Field is { } field)
        {
            plans = plans.Where(p => p.FieldNumber == field);
        }

        if (request.Department is { } departmentId)
        {
            plans = request.Cooperating
                ? plans.Where(p => p.ExecutingDepartments.Any(d => d.DepartmentId == departmentId)
                                   || p.Cooperators.Any(c => c.DepartmentId == departmentId))
                : plans.Where(p => p.ExecutingDepartments.Any(d => d.DepartmentId == departmentId));
        }

        if (request.Perspective is { } perspective)
        {
            plans = plans.Where(p => p.Perspective == perspective);
        }

        if (explicitYear is { } runningYear)
        {
            plans = plans.RunningIn(runningYear);
        }

        if (request.Status is { } status)
        {
            plans = status == ReportStatus.NotStarted
                ? plans.Where(p => !p.Key.YearEndReports.Any(r => r.Year == gradeYear && r.Status != ReportStatus.NotStarted))
                : plans.Where(p => p.Key.YearEndReports.Any(r => r.Year == gradeYear && r.Status == status));
        }

        if (request.Grade is { Length: > 0 } gradeText)
        {
            // With an explicit year (the summary's drill-down) only accepted grades count, as in the summary.
            var acceptedOnly = explicitYear is not null;
            if (gradeText == UngradedValue)
            {
                plans = plans.Where(p => !p.Key.YearEndReports.Any(r => r.Year == gradeYear && r.Grade != null
                                                                    && (!acceptedOnly || r.Status == ReportStatus.Accepted)));
            }
            else if (EvaluationGrades.TryParse(gradeText, out var grade))
            {
                plans = plans.Where(p => p.Key.YearEndReports.Any(r => r.Year == gradeYear && r.Grade == grade
                                                                   && (!acceptedOnly || r.Status == ReportStatus.Accepted)));
            }
        }

        foreach (var term in terms)
        {
            var perspectives = ReformPerspectives.All.Where(v => v.DisplayName().Contains(term, StringComparison.OrdinalIgnoreCase)).ToList();
            plans = plans.Where(p =>
                p.Name.Contains(term)
                || p.TextItems.Any(i => i.Text.Contains(term))
                || p.YearTargets.Any(t => t.Text.Contains(term))
                || p.Key.YearEndReports.Any(r => r.StatusReport.Contains(term) || r.NextYearPolicy.Contains(term))
                || p.ExecutingDepartments.Any(d => d.Department.Name.Contains(term))
                || p.Cooperators.Any(c => (c.GroupLabel != null && c.GroupLabel.Contains(term))
                                          || (c.Department != null && c.Department.Name.Contains(term)))
                || perspectives.Contains(p.Perspective));
        }

        // The filter and search run once, for the matching ids in booklet order (narrow rows); the page's rows are
        // then read by id, so a search is not evaluated a second time for the page.
        var matches = await plans
            .InBookletOrder()
            .Select(p => new { p.Id, p.FieldNumber })
            .ToListAsync(cancellationToken);
        var matchCount = matches.Count;
        var paging = PlanIndexPaging.For(request.Page, matchCount, PageSize,
            matches.GroupBy(m => m.FieldNumber).Select(g => (g.Key, g.Count())).ToList());
        var pageIds = matches.Skip(paging.Skip).Take(PageSize).Select(m => m.Id).ToList();

        var rows = await db.Plans.AsNoTracking()
            .Where(p => pageIds.Contains(p.Id))
            .InBookletOrder()
            .ToListRows(gradeYear)
            .ToListAsync(cancellationToken);

        var snippets = terms.Count == 0
            ? new Dictionary<int, string>()
            : await FindSnippetsAsync(rows.Select(r => r.Id).ToList(), terms[0], cancellationToken);

        var fields = await db.Fields.AsNoTracking().OrderBy(f => f.Number).ToListAsync(cancellationToken);
        // The 頁 of the whole edition's printed 目次, whatever the filter keeps.
        var contents = await db.ContentsOfEditionAsync(editionId, cancellationToken);
        var totalCount = contents.Plans.Count;

        var groups = fields
            .Select(f => new PlanIndexGroup(
                f.Number,
                f.Name,
                contents.PageOfField(f.Number),
                rows.Where(r => r.FieldNumber == f.Number)
                    .Select(r => new PlanIndexRow(
                        new PlanNumber(r.FieldNumber, r.Number),
                        r.Name,
                        r.Departments,
                        r.StartYear,
                        PlanKey.EndYearShownIn(r.EndedYear, r.EndedAt, context.Year, r.PublishedAt),
                        contents.PageOf(new PlanNumber(r.FieldNumber, r.Number)),
                        r.Grade,
                        snippets.GetValueOrDefault(r.Id)))
                    .ToList()))
            .ToList();

        var departments = await db.Departments.AsNoTracking().ActiveIn(context.Year)
            .Select(d => new DepartmentLink(d.Id, d.Name)).ToListAsync(cancellationToken);

        return new PlanIndexViewModel(context, request, groups, totalCount, gradeYear, terms, departments,
            fields.Select(f => (f.Number, f.Title)).ToList())
        {
            MatchCount = matchCount,
            Paging = paging,
        };
    }

    private async Task<Dictionary<int, string>> FindSnippetsAsync(List<int> planIds, string term, CancellationToken cancellationToken)
    {
        var items = await db.Set<PlanTextItem>().AsNoTracking()
            .Where(i => planIds.Contains(i.PlanId) && i.Text.Contains(term))
            .OrderBy(i => i.Section).ThenBy(i => i.Order)
            .Select(i => new { Id = i.PlanId, i.Text })
            .ToListAsync(cancellationToken);
        var targets = await db.Set<PlanYearTarget>().AsNoTracking()
            .Where(t => planIds.Contains(t.PlanId) && t.Text.Contains(term))
            .OrderBy(t => t.Year)
            .Select(t => new { Id = t.PlanId, t.Text })
            .ToListAsync(cancellationToken);
        return items.Concat(targets)
            .GroupBy(x => x.Id)
            .ToDictionary(g => g.Key, g => SearchTerms.Snippet(g.First().Text, term));
    }
}

public static class SearchTerms
{
    /// <summary>Splits a query into terms on half- or full-width spaces; every term must match.</summary>
    public static IReadOnlyList<string> Split(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : query.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(t => t.Length <= 100)
                .Distinct(StringComparer.Ordinal)
                .Take(5)
                .ToList();

    /// <summary>About 60 characters of <paramref name="text"/> around the first occurrence of <paramref name="term"/>.</summary>
    public static string Snippet(string text, string term, int radius = 30)
    {
        var index = text.IndexOf(term, StringComparison.Ordinal);
        if (index < 0)
        {
            return text.Length <= radius * 2 ? text : text[..(radius * 2)] + "…";
        }

        var start = Math.Max(0, index - radius);
        var end = Math.Min(text.Length, index + term.Length + radius);
        return (start > 0 ? "…" : string.Empty) + text[start..end].Replace('\n', ' ') + (end < text.Length ? "…" : string.Empty);
    }
}

public sealed record DepartmentLink(int Id, string Name);

/// <summary>A plan's row in a list of plans (計画一覧, 部署の計画): what the row shows, read in one projection.</summary>
public sealed record PlanListRow(
    int Id,
    int FieldNumber,
    int Number,
    string Name,
    FiscalYear StartYear,
    FiscalYear? EndedYear,
    DateTimeOffset? EndedAt,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<DepartmentLink> Departments,
    EvaluationGrade? Grade);

/// <summary>The one projection of plans to <see cref="PlanListRow"/>s.</summary>
public static class PlanListRows
{
    /// <summary>Each plan's row, with its executing departments in order and the grade of <paramref name="gradeYear"/>'s report.</summary>
    public static IQueryable<PlanListRow> ToListRows(this IQueryable<Plan> plans, FiscalYear gradeYear) =>
        plans.Select(p => new PlanListRow(
            p.Id,
            p.FieldNumber,
            p.Number,
            p.Name,
            p.StartYear,
            p.Key.EndedYear,
            p.Key.EndedAt,
            p.Edition!.PublishedAt,
            p.ExecutingDepartments.OrderBy(d => d.Order).Select(d => new DepartmentLink(d.DepartmentId, d.Department.Name)).ToList(),
            p.Key.YearEndReports.Where(r => r.Year == gradeYear).Select(r => r.Grade).FirstOrDefault()));
}

/// <summary>
/// A 目次 row. <see cref="EndYear"/> is the 終了 column: the year the plan ended (完了・廃止), blank while it runs as
/// in the source booklet; plans record no end yet (ADR 0016), so it is null. <see cref="Page"/> is computed
/// (<see cref="Domain.Booklets.BookletContents"/>), the page the printed booklet gives the sheet.
/// </summary>
public sealed record PlanIndexRow(
    PlanNumber Number,
    string Name,
    IReadOnlyList<DepartmentLink> Departments,
    FiscalYear StartYear,
    FiscalYear? EndYear,
    int Page,
    EvaluationGrade? LastGrade,
    string? Snippet);

public sealed record PlanIndexGroup(int FieldNumber, string FieldName, int Page, IReadOnlyList<PlanIndexRow> Rows);

public sealed record PlanIndexViewModel(
    EditionContext Context,
    PlanIndexRequest Request,
    IReadOnlyList<PlanIndexGroup> Groups,
    int TotalCount,
    FiscalYear GradeYear,
    IReadOnlyList<string> Terms,
    IReadOnlyList<DepartmentLink> Departments,
    IReadOnlyList<(int Number, string Title)> Fields)
{
    /// <summary>The plans that match, on every page.</summary>
    public int MatchCount { get; init; }

    public PlanIndexPaging Paging { get; init; } = PlanIndexPaging.OnePage;

    /// <summary>
    /// This list's address on <paramref name="page"/>: every filter and the search kept in the query string, so a
    /// page can be bookmarked and shared. Page 1 has no page parameter.
    /// </summary>
    public string PageQuery(int page)
    {
        var r = Request;
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(new(name, value));
            }
        }

        Add("year", Context.HasSeveralEditions || !string.IsNullOrEmpty(r.Year) ? Context.Year.Code : null);
        Add("q", r.Q);
        Add("field", r.Field?.ToString(CultureInfo.InvariantCulture));
        Add("department", r.Department?.ToString(CultureInfo.InvariantCulture));
        Add("cooperating", r.Cooperating ? "true" : null);
        Add("perspective", r.Perspective?.ToString());
        Add("grade", r.Grade);
        Add("gradeYear", r.ExplicitGradeYear?.Code);
        Add("status", r.Status?.ToString());
        Add("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return QueryString.Create(query).ToUriComponent();
    }
}

/// <summary>Where a list's page starts, how many there are, and on which page each 改革分野 begins.</summary>
public sealed record PlanIndexPaging(int Page, int PageCount, int FirstRow, int LastRow, IReadOnlyList<FieldStart> FieldStarts)
{
    public static readonly PlanIndexPaging OnePage = new(1, 1, 1, 0, []);

    public bool IsPaged => PageCount > 1;

    public int Skip => FirstRow - 1;

    public static PlanIndexPaging For(int? requested, int matchCount, int pageSize, IReadOnlyList<(int Field, int Count)> perField)
    {
        ArgumentNullException.ThrowIfNull(perField);
        var pageCount = Math.Max(1, (matchCount + pageSize - 1) / pageSize);
        var page = Math.Clamp(requested ?? 1, 1, pageCount);
        var starts = new List<FieldStart>();
        var before = 0;
        foreach (var (field, count) in perField)
        {
            starts.Add(new FieldStart(field, (before / pageSize) + 1, count));
            before += count;
        }

        var first = ((page - 1) * pageSize) + 1;
        return new PlanIndexPaging(page, pageCount, first, Math.Min(matchCount, page * pageSize), starts);
    }

    /// <summary>
    /// The page numbers to link: the first, the last, and two either side of the current one; null where numbers
    /// are left out (shown as "…"), so the bar stays short on a phone whatever the page count.
    /// </summary>
    public IReadOnlyList<int?> Window()
    {
        var shown = Enumerable.Range(1, PageCount)
            .Where(p => p == 1 || p == PageCount || Math.Abs(p - Page) <= 2)
            .ToList();
        var result = new List<int?>();
        for (var i = 0; i < shown.Count; i++)
        {
            if (i > 0 && shown[i] - shown[i - 1] > 1)
            {
                result.Add(null);
            }

            result.Add(shown[i]);
        }

        return result;
    }
}

/// <summary>A 改革分野's first page in a paged list, and how many of its plans match.</summary>
public sealed record FieldStart(int Field, int Page, int Count);

public sealed record DepartmentLinksModel(IReadOnlyList<DepartmentLink> Departments, string? YearRoute);
