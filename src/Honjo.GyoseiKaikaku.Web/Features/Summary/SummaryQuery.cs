using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Summary;

public sealed record SummaryRequest
{
    /// <summary>"R5"; absent means the latest year that has accepted grades.</summary>
    public string? Year { get; init; }
}

/// <summary>One column of a distribution: a grade, or 未評価 ("none", as the 目次 filter spells it).</summary>
public sealed record GradeColumn(string Key, string Label)
{
    public static IReadOnlyList<GradeColumn> All { get; } =
    [
        new("A", "A"),
        new("B", "B"),
        new("C", "C"),
        new(Plans.PlanIndexQuery.UngradedValue, "未評価"),
    ];
}

/// <summary>Counts of plans by accepted grade (A, B, C, 未評価), in the order of <see cref="GradeColumn.All"/>.</summary>
public sealed record GradeCounts(int A, int B, int C, int Ungraded)
{
    public int Total => A + B + C + Ungraded;

    public int this[string key] => key switch
    {
        "A" => A,
        "B" => B,
        "C" => C,
        _ => Ungraded,
    };

    public IReadOnlyList<int> Values => [A, B, C, Ungraded];

    public static GradeCounts Of(IEnumerable<EvaluationGrade?> grades)
    {
        var list = grades.ToList();
        return new GradeCounts(
            list.Count(g => g == EvaluationGrade.A),
            list.Count(g => g == EvaluationGrade.B),
            list.Count(g => g == EvaluationGrade.C),
            list.Count(g => g is null));
    }
}

/// <summary>A row of a distribution: its label and the 目次 filter (<c>field=1</c>) that reproduces its plans.</summary>
public sealed record SummaryRow(string Label, string Filter, GradeCounts Counts);

public sealed record SummaryBreakdown(string Key, string Title, string RowHeader, IReadOnlyList<SummaryRow> Rows, string? Note);

public sealed record GradeChange(PlanNumber Number, string Name, EvaluationGrade From, EvaluationGrade To);

/// <summary>The chosen year against the one before, for plans with an accepted grade in both.</summary>
public sealed record YearOverYear(FiscalYear Previous, IReadOnlyList<GradeChange> Improved, IReadOnlyList<GradeChange> Fell, int Unchanged, int NotCompared);

public sealed record SummaryViewModel(
    string OutlineTitle,
    FiscalYear Year,
    IReadOnlyList<FiscalYear> Years,
    SummaryRow Overall,
    IReadOnlyList<SummaryBreakdown> Breakdowns,
    YearOverYear? YearOverYear,
    IReadOnlyList<(ReportStatus Status, int Count)> Progress)
{
    /// <summary>Every workflow state is counted (the 企画課); else only accepted reports are.</summary>
    public bool ProgressIsComplete { get; init; }

    /// <summary>The 企画課's 二次評価 beside the self-grades of the accepted reports (ADR 0028).</summary>
    public SecondGradeSummary SecondGrades { get; init; } = new(new(0, 0, 0, 0), new(0, 0, 0, 0), [], [], []);

    /// <summary>The year's numeric targets and their accepted actual values; set by the query.</summary>
    public NumericTargetSummary Targets { get; init; } = new([], []);

    public int PlanCount => Overall.Counts.Total;

    /// <summary>
    /// The route values of the 目次 listing exactly the plans behind a count (for <c>Url.Action("Index", "Plans", …)</c>):
    /// the year graded, the row's filter ("field=3") and the grade column.
    /// </summary>
    public RouteValueDictionary PlansRoute(string filter, string? gradeKey = null)
    {
        var values = new RouteValueDictionary { ["gradeYear"] = Year.Code };
        if (filter.Split('=', 2) is [var key, var value])
        {
            values[key] = value;
        }

        if (gradeKey is not null)
        {
            values["grade"] = gradeKey;
        }

        return values;
    }

    public RouteValueDictionary StatusRoute(ReportStatus status) => new() { ["gradeYear"] = Year.Code, ["status"] = status.ToString() };
}

/// <summary>
/// The 評価集計: accepted year-end grades of the plans running in a fiscal year, overall and by field, perspective
/// and executing department; the change from the year before; and where the year's reports are in the workflow.
/// </summary>
public sealed class SummaryQuery(AppDbContext db)
{
    public async Task<SummaryViewModel?> HandleAsync(SummaryRequest request, CancellationToken ct)
    {
        var outline = await db.Outlines.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        if (outline is null)
        {
            return null;
        }

        var years = FiscalYear.Range(outline.StartYear, outline.EndYear).ToList();
        FiscalYear year;
        if (string.IsNullOrWhiteSpace(request.Year))
        {
            var graded = await db.YearEndReports.AsNoTracking()
                .Where(r => r.Status == ReportStatus.Accepted && r.Grade != null)
                .Select(r => r.Year).Distinct().ToListAsync(ct);
            year = graded.Where(years.Contains).DefaultIfEmpty(outline.StartYear).Max();
        }
        else if (!FiscalYear.TryParse(request.Year, out year) || !years.Contains(year))
        {
            return null;
        }

        var previous = year > outline.StartYear ? year.Previous : (FiscalYear?)null;
        var previousYear = previous ?? year;
        // The plans of the year as that year's edition (or the nearest one) describes them.
        var editionId = await db.EditionIdForYearAsync(year, ct) ?? 0;
        var plans = await db.Plans.AsNoTracking().InEdition(editionId).RunningIn(year)
            .InBookletOrder()
            .Select(p => new
            {
                p.FieldNumber,
                p.Number,
                p.Name,
                p.Perspective,
                Departments = p.ExecutingDepartments.Select(d => new { d.DepartmentId, d.Department.Name, d.Department.SortOrder }).ToList(),
                Report = p.Key.YearEndReports.Where(r => r.Year == year).Select(r => new { r.Status, r.Grade, r.SecondGrade, r.SecondGradeReason }).FirstOrDefault(),
                Before = p.Key.YearEndReports.Where(r => r.Year == previousYear && r.Status == ReportStatus.Accepted).Select(r => r.Grade).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var rows = plans.Select(p => new
        {
            Plan = p,
            Grade = p.Report is { Status: ReportStatus.Accepted } accepted ? accepted.Grade : null,

            // A 二次評価 is given on acceptance only; reading it from accepted reports states the rule where it is used.
            SecondGrade = p.Report is { Status: ReportStatus.Accepted } reviewed ? reviewed.SecondGrade : null,
            SecondGradeReason = p.Report is { Status: ReportStatus.Accepted } explained ? explained.SecondGradeReason : null,
            Status = p.Report?.Status ?? ReportStatus.NotStarted,
        }).ToList();

        var fields = await db.Fields.AsNoTracking().OrderBy(f => f.Number).Select(f => new { f.Number, f.Name }).ToListAsync(ct);
        var byField = fields
            .Select(f => new SummaryRow($"{f.Number}. {f.Name}", $"field={f.Number}", GradeCounts.Of(rows.Where(r => r.Plan.FieldNumber == f.Number).Select(r => r.Grade))))
            .ToList();
        var byPerspective = ReformPerspectives.All
            .Select(v => new SummaryRow(v.DisplayName(), $"perspective={v}", GradeCounts.Of(rows.Where(r => r.Plan.Perspective == v).Select(r => r.Grade))))
            .ToList();
        var byDepartment = rows
            .SelectMany(r => r.Plan.Departments.Select(d => (d.DepartmentId, d.Name, d.SortOrder, r.Grade)))
            .GroupBy(x => (x.DepartmentId, x.Name, x.SortOrder))
            .OrderBy(g => g.Key.SortOrder)
            .Select(g => new SummaryRow(g.Key.Name, $"department={g.Key.DepartmentId}", GradeCounts.Of(g.Select(x => x.Grade))))
            .ToList();
        var sharedPlans = rows.Count(r => r.Plan.Departments.Count > 1);

        var breakdowns = new List<SummaryBreakdown>
        {
            new("field", "改革分野別", "改革分野", byField, null),
            new("perspective", "改革の視点別", "改革の視点", byPerspective, null),
            new("department", "実行課別", "実行課", byDepartment,
                $"実行課が複数ある計画（{sharedPlans.ToString(System.Globalization.CultureInfo.InvariantCulture)}件）は、それぞれの課に数えています。そのため課別の合計は計画数より多くなります。連携課は数えていません。"),
        };

        YearOverYear? change = null;
        if (previous is { } before)
        {
            var compared = rows
                .Where(r => r.Grade is not null && r.Plan.Before is not null)
                .Select(r => new GradeChange(new PlanNumber(r.Plan.FieldNumber, r.Plan.Number), r.Plan.Name, r.Plan.Before!.Value, r.Grade!.Value))
                .ToList();

            // A is the best grade and has the lowest value.
            change = new YearOverYear(
                before,
                compared.Where(c => c.To < c.From).ToList(),
                compared.Where(c => c.To > c.From).ToList(),
                compared.Count(c => c.To == c.From),
                rows.Count - compared.Count);
        }

        // The workflow states before acceptance are the 企画課's business (a department sees only its own): everyone
        // else is shown how many reports are accepted, not how the others stand.
        var progress = ReportStatuses.All
            .Where(s => db.Audience.ReadsAll || s == ReportStatus.Accepted)
            .Select(s => (s, rows.Count(r => r.Status == s))).ToList();
        var overall = new SummaryRow("全体", string.Empty, GradeCounts.Of(rows.Select(r => r.Grade)));
        var fieldNames = fields.ToDictionary(f => f.Number, f => $"{f.Number}. {f.Name}");
        var accepted = rows.Where(r => r.Status == ReportStatus.Accepted).ToList();
        var second = new SecondGradeSummary(
            GradeCounts.Of(accepted.Select(r => r.Grade)),
            GradeCounts.Of(accepted.Select(r => r.SecondGrade)),
            accepted
                .Where(r => r.SecondGrade is not null && r.SecondGrade != r.Grade)
                .Select(r => new GradeDifference(
                    new PlanNumber(r.Plan.FieldNumber, r.Plan.Number),
                    r.Plan.Name,
                    fieldNames.GetValueOrDefault(r.Plan.FieldNumber, string.Empty),
                    string.Join("、", r.Plan.Departments.Select(d => d.Name)),
                    r.Grade,
                    r.SecondGrade!.Value,
                    r.SecondGradeReason ?? string.Empty))
                .ToList(),
            fields.Select(f => (fieldNames[f.Number], accepted.Count(r => r.Plan.FieldNumber == f.Number && r.SecondGrade is not null && r.SecondGrade != r.Grade))).ToList(),
            accepted
                .Where(r => r.SecondGrade is not null && r.SecondGrade != r.Grade)
                .SelectMany(r => r.Plan.Departments)
                .GroupBy(d => (d.DepartmentId, d.Name, d.SortOrder))
                .OrderBy(g => g.Key.SortOrder)
                .Select(g => (g.Key.Name, g.Count()))
                .ToList());
        return new SummaryViewModel(outline.Title, year, years, overall, breakdowns, change, progress)
        {
            SecondGrades = second,
            ProgressIsComplete = db.Audience.ReadsAll,
            Targets = await NumericTargetsAsync(year, years, editionId, ct),
        };
    }

    /// <summary>Numeric targets (as parsed from the target texts) and the actual values of accepted reports.</summary>
    private async Task<NumericTargetSummary> NumericTargetsAsync(FiscalYear year, List<FiscalYear> years, int editionId, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().AsSplitQuery().InEdition(editionId)
            .Include(p => p.YearTargets)
            .Include(p => p.Key).ThenInclude(k => k.YearEndReports)
            .Where(p => p.YearTargets.Any(t => t.TargetValue != null))
            .InBookletOrder()
            .ToListAsync(ct);

        TargetAchievement? Achievement(Plan plan, FiscalYear y) =>
            plan.QuantityFor(y) is { } target && plan.ReportFor(y) is { Status: ReportStatus.Accepted, ActualValue: { } actual }
                ? target.Evaluate(actual)
                : null;

        var rows = plans
            .Where(p => p.IsRunningIn(year) && p.QuantityFor(year) is not null)
            .Select(p => new NumericTargetRow(p.PlanNumber, p.Name, p.QuantityFor(year)!, Achievement(p, year)))
            .ToList();
        var trend = years
            .Select(y =>
            {
                var withTarget = plans.Where(p => p.IsRunningIn(y) && p.QuantityFor(y) is not null).ToList();
                var achievements = withTarget.Select(p => Achievement(p, y)).Where(a => a is not null).ToList();
                return new NumericTargetTrend(y, withTarget.Count, achievements.Count, achievements.Count(a => a!.Achieved));
            })
            .ToList();
        return new NumericTargetSummary(rows, trend);
    }
}

/// <summary>A numeric target of the chosen year, with its accepted actual value if any.</summary>
public sealed record NumericTargetRow(PlanNumber Number, string Name, TargetQuantity Target, TargetAchievement? Achievement);

/// <summary>Per year of the outline: how many numeric targets, how many with an accepted actual, how many achieved.</summary>
public sealed record NumericTargetTrend(FiscalYear Year, int Targets, int WithActual, int Achieved);

public sealed record NumericTargetSummary(IReadOnlyList<NumericTargetRow> Rows, IReadOnlyList<NumericTargetTrend> Trend);

/// <summary>A plan whose 二次評価 differs from its department's grade.</summary>
public sealed record GradeDifference(PlanNumber Number, string Name, string Field, string Departments, EvaluationGrade? Grade, EvaluationGrade SecondGrade, string Reason);

/// <summary>
/// The accepted reports' self-grades and 二次評価 counted side by side (未評価 in the second: none recorded), and the
/// plans where they differ, with the count of differences by field and by executing department.
/// </summary>
public sealed record SecondGradeSummary(
    GradeCounts SelfGrades,
    GradeCounts SecondGrades,
    IReadOnlyList<GradeDifference> Differences,
    IReadOnlyList<(string Field, int Count)> ByField,
    IReadOnlyList<(string Department, int Count)> ByDepartment);

public sealed record GradeTableModel(SummaryViewModel Summary, string Id, string Caption, string RowHeader, IReadOnlyList<SummaryRow> Rows);
