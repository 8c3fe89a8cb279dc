using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Period;

/// <summary>
/// The 総括 of the 大綱's period, by field: every plan the period held (those of the first edition and those added
/// later), how each ended (完了・廃止・統合), and how its last year was graded — the accepted grade of its final year
/// (達成目標年度, or the year it ended) and, where the final target is numeric, the 実績値 against it. Only accepted
/// reports count, for every reader, so the figures are the same whoever looks. Until the last year of the period is
/// closed the figures are an interim count (中間集計).
/// </summary>
public sealed class PeriodReviewQuery(AppDbContext db)
{
    public async Task<PeriodReviewViewModel> HandleAsync(CancellationToken ct)
    {
        var outline = await db.OutlineAsync(ct);
        var editions = await db.Editions.AsNoTracking().OrderBy(e => e.Year).Select(e => new { e.Id, e.Year, e.Status }).ToListAsync(ct);
        var editionYears = editions.ToDictionary(e => e.Id, e => e.Year);

        // A plan's row needs its latest version (as it ended) and the year of the first edition that held it: the
        // editions holding each plan are read as narrow rows, then only the latest versions in full.
        var held = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.PlanKeyId, p.EditionId }).ToListAsync(ct);
        var spans = held.GroupBy(v => v.PlanKeyId)
            .Select(g => (Latest: g.MaxBy(v => editionYears[v.EditionId])!.Id, FirstYear: g.Min(v => editionYears[v.EditionId])))
            .ToList();
        var latestIds = spans.Select(s => s.Latest).ToList();
        var latest = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Field)
            .Include(p => p.Edition)
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.YearTargets)
            .Include(p => p.Key).ThenInclude(k => k.YearEndReports)
            .Where(p => latestIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, ct);

        var firstEdition = editions.Count > 0 ? editions[0].Year : outline.StartYear;
        var plans = spans
            .Select(s => PlanRow(latest[s.Latest], s.FirstYear, firstEdition, outline.EndYear))
            .OrderBy(r => r.Number)
            .ToList();
        var fields = plans.GroupBy(p => (p.Number.Field, p.FieldName))
            .OrderBy(g => g.Key.Field)
            .Select(g => FieldRow($"{g.Key.Field.ToString(System.Globalization.CultureInfo.InvariantCulture)}. {g.Key.FieldName}", g.ToList()))
            .ToList();
        var final = editions.FirstOrDefault(e => e.Year == outline.EndYear);
        return new PeriodReviewViewModel(
            outline.Title,
            outline.StartYear,
            outline.EndYear,
            final?.Status == Domain.Editions.EditionStatus.Closed,
            fields,
            FieldRow("合計", plans),
            plans);
    }

    /// <param name="latest">The plan's version in the newest edition that holds it.</param>
    /// <param name="firstHeld">The year of the first edition that held the plan.</param>
    /// <param name="firstEdition">The year of the period's first edition.</param>
    /// <param name="outlineEnd">The last year of the 大綱's period.</param>
    private static PeriodReviewPlan PlanRow(Plan latest, FiscalYear firstHeld, FiscalYear firstEdition, FiscalYear outlineEnd)
    {
        var key = latest.Key;
        var finalYear = key.EndedYear ?? (latest.TargetYear > outlineEnd ? outlineEnd : latest.TargetYear);
        var report = key.ReportFor(finalYear) is { Status: ReportStatus.Accepted } accepted ? accepted : null;
        var quantity = latest.QuantityFor(finalYear);
        var achievement = quantity is not null && report?.ActualValue is { } actual ? quantity.Evaluate(actual) : null;
        return new PeriodReviewPlan(
            latest.PlanNumber,
            latest.Name,
            latest.Field.Name,
            latest.ExecutingDepartmentsText,
            firstHeld > firstEdition,
            key.EndKind,
            finalYear,
            latest.TargetFor(finalYear),
            quantity,
            achievement,
            report?.Grade)
        {
            FinalSecondGrade = report?.SecondGrade,
        };
    }

    private static PeriodReviewRow FieldRow(string label, List<PeriodReviewPlan> plans) => new(
        label,
        plans.Count,
        plans.Count(p => p.AddedDuringPeriod),
        plans.Count(p => p.EndKind == PlanEndKind.Completed),
        plans.Count(p => p.EndKind == PlanEndKind.Abolished),
        plans.Count(p => p.EndKind == PlanEndKind.Merged),
        plans.Count(p => p.FinalGrade == EvaluationGrade.A),
        plans.Count(p => p.FinalGrade == EvaluationGrade.B),
        plans.Count(p => p.FinalGrade == EvaluationGrade.C),
        plans.Count(p => p.FinalGrade is null),
        plans.Count(p => p.FinalQuantity is not null),
        plans.Count(p => p.Achievement is { Achieved: true }));
}

public sealed record PeriodReviewViewModel(
    string OutlineTitle,
    FiscalYear StartYear,
    FiscalYear EndYear,
    bool IsFinal,
    IReadOnlyList<PeriodReviewRow> Fields,
    PeriodReviewRow Total,
    IReadOnlyList<PeriodReviewPlan> Plans)
{
    public string Heading => IsFinal ? "期間の総括" : "期間の総括（中間集計）";
}

/// <summary>One field's (or the whole period's) counts.</summary>
public sealed record PeriodReviewRow(
    string Label,
    int Plans,
    int Added,
    int Completed,
    int Abolished,
    int Merged,
    int GradeA,
    int GradeB,
    int GradeC,
    int NotGraded,
    int NumericTargets,
    int NumericMet)
{
    /// <summary>The share of plans whose final year was graded A (目標を達成), of all the period's plans.</summary>
    public string MetRate => Plans == 0 ? "－" : (Math.Round(GradeA * 100m / Plans, 1, MidpointRounding.AwayFromZero)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}

/// <summary>One plan of the period: where it came from, how it ended, and its final year's result.</summary>
public sealed record PeriodReviewPlan(
    PlanNumber Number,
    string Name,
    string FieldName,
    string Departments,
    bool AddedDuringPeriod,
    PlanEndKind? EndKind,
    FiscalYear FinalYear,
    string FinalTarget,
    TargetQuantity? FinalQuantity,
    TargetAchievement? Achievement,
    EvaluationGrade? FinalGrade)
{
    /// <summary>The 企画課's 二次評価 of the final year, beside the self-grade (ADR 0028).</summary>
    public EvaluationGrade? FinalSecondGrade { get; init; }
}
