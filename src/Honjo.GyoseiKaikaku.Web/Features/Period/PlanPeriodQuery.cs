using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Period;

/// <summary>
/// The five-year view of one plan (5年間の推移): every edition's version of it, read together — each year's target as
/// first set and as changed (with the 計画変更 that changed it), the 実績値 and grade reported for the year, the
/// plan's changes by edition, and how it ended. Reports pass the visibility rule of ADR 0015 (the query filter):
/// 閲覧 users see accepted results only; the department and the 企画課 also see the ones still in the workflow.
/// </summary>
public sealed class PlanPeriodQuery(AppDbContext db, IHttpContextAccessor? http = null)
{
    public async Task<PlanPeriodViewModel?> HandleAsync(PlanNumber number, CancellationToken ct)
    {
        var versions = await db.Plans.AsNoTracking().AsSplitQuery()
            .VersionsOf(number)
            .Include(p => p.Field)
            .Include(p => p.Edition)
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.YearTargets)
            .Include(p => p.Changes)
            .Include(p => p.Key).ThenInclude(k => k.YearEndReports)
            .ToListAsync(ct);
        if (versions.Count == 0)
        {
            return null;
        }

        // A 審議会委員 reads published editions only (ADR 0029): a draft's version (R7 in preparation) is left out.
        if (Council.CouncilSetup.SeesPublishedEditionsOnly(http?.HttpContext?.User))
        {
            versions = [.. versions.Where(v => v.Edition!.Status != Domain.Editions.EditionStatus.Draft)];
            if (versions.Count == 0)
            {
                return null;
            }
        }

        versions = [.. versions.OrderBy(v => v.Edition!.Year)];
        var outline = await db.OutlineAsync(ct);
        var firstEdition = await db.Editions.AsNoTracking().OrderBy(e => e.Year).Select(e => e.Year).FirstAsync(ct);
        var latest = versions[^1];
        var key = latest.Key;
        var years = FiscalYear.Range(outline.StartYear, outline.EndYear).ToList();
        var rows = years.Select(y => Row(y, versions, key)).ToList();

        return new PlanPeriodViewModel(
            number,
            latest.Name,
            latest.Field.Name,
            latest.ExecutingDepartmentsText,
            latest.StartYear,
            latest.TargetYear,
            outline.Title,
            versions.Select(EditionName).ToList(),
            rows,
            Changes(versions, firstEdition),
            key.EndKind is { } kind ? new PlanPeriodEnd(kind.DisplayName(), key.EndedYear!.Value, key.EndReason ?? string.Empty) : null);
    }

    private static PlanPeriodRow Row(FiscalYear year, List<Plan> versions, PlanKey key)
    {
        // The target as printed in each edition that carried the plan; the first and the last are what the row shows.
        var printed = versions
            .Select(v => (Edition: v.Edition!.Year, Version: v, Target: v.YearTargets.FirstOrDefault(t => t.Year == year)))
            .Where(x => x.Target is not null && x.Target.Text.Length > 0)
            .ToList();
        var latest = printed.Count > 0 ? printed[^1].Target : null;
        var first = latest?.OriginalText ?? (printed.Count > 0 ? printed[0].Target!.Text : null);

        var changes = new List<PlanPeriodTargetChange>();
        for (var i = 1; i < printed.Count; i++)
        {
            if (printed[i].Target!.Text != printed[i - 1].Target!.Text)
            {
                changes.Add(new PlanPeriodTargetChange(EditionName(printed[i].Version), printed[i - 1].Target!.Text, printed[i].Target!.Text, ReasonOf(printed[i].Version)));
            }
        }

        if (changes.Count == 0 && latest?.OriginalText is { } original && original != latest.Text)
        {
            // Changed within the edition that first printed the plan's new target (a correction of a carried version).
            changes.Add(new PlanPeriodTargetChange(EditionName(printed[^1].Version), original, latest.Text, ReasonOf(printed[^1].Version)));
        }

        var report = key.ReportFor(year);
        var quantity = latest?.Quantity;
        var achievement = quantity is not null && report?.ActualValue is { } actual ? quantity.Evaluate(actual) : null;
        return new PlanPeriodRow(
            year,
            first,
            latest?.Text,
            changes,
            quantity,
            report?.ActualValue,
            achievement,
            report?.Grade,
            report?.Status,
            report?.IsClosed ?? false)
        {
            // The 企画課's 二次評価 exists on an accepted report only (ADR 0028).
            SecondGrade = report is { Status: ReportStatus.Accepted } ? report.SecondGrade : null,
            SecondGradeReason = report is { Status: ReportStatus.Accepted } ? report.SecondGradeReason : null,
        };
    }

    /// <summary>"令和7年度版", or "令和7年度版（案）" while that edition is being prepared: its changes are not published yet.</summary>
    private static string EditionName(Plan version) =>
        version.Edition!.EditionName + (version.Edition.Status == Domain.Editions.EditionStatus.Draft ? "（案）" : string.Empty);

    private static string ReasonOf(Plan version)
    {
        var reasons = version.Changes.Where(c => c.Type == PlanChangeType.Target).Select(c => c.Reason).ToList();
        return string.Join("／", reasons.Count > 0 ? reasons : version.Changes.Select(c => c.Reason));
    }

    private static List<PlanPeriodChange> Changes(List<Plan> versions, FiscalYear firstEdition)
    {
        var changes = new List<PlanPeriodChange>();
        var first = versions[0];
        if (first.Edition!.Year > firstEdition)
        {
            changes.Add(new PlanPeriodChange(EditionName(first), "新規計画", $"{EditionName(first)}で追加した計画です。", null));
        }

        foreach (var v in versions.Skip(1))
        {
            changes.AddRange(v.Changes.OrderBy(c => c.At).Select(c => new PlanPeriodChange(EditionName(v), c.Type.DisplayName(), c.Reason, c.At)));
        }

        return changes;
    }
}

public sealed record PlanPeriodViewModel(
    PlanNumber Number,
    string Name,
    string FieldName,
    string Departments,
    FiscalYear StartYear,
    FiscalYear TargetYear,
    string OutlineTitle,
    IReadOnlyList<string> Editions,
    IReadOnlyList<PlanPeriodRow> Rows,
    IReadOnlyList<PlanPeriodChange> Changes,
    PlanPeriodEnd? End)
{
    /// <summary>The years whose targets are numeric in one unit, so a chart can set targets and 実績値 side by side.</summary>
    public string? ChartUnit
    {
        get
        {
            var units = Rows.Where(r => r.Quantity is not null).Select(r => r.Quantity!.Unit).Distinct(StringComparer.Ordinal).ToList();
            return units.Count == 1 && Rows.Count(r => r.Quantity is not null) >= 2 ? units[0] : null;
        }
    }
}

/// <summary>One fiscal year of the plan: its target (as first set and now), the 実績値 and the grade.</summary>
public sealed record PlanPeriodRow(
    FiscalYear Year,
    string? FirstTarget,
    string? Target,
    IReadOnlyList<PlanPeriodTargetChange> TargetChanges,
    TargetQuantity? Quantity,
    decimal? Actual,
    TargetAchievement? Achievement,
    EvaluationGrade? Grade,
    ReportStatus? Status,
    bool IsClosed)
{
    public bool TargetChanged => FirstTarget is not null && Target is not null && FirstTarget != Target;

    /// <summary>The grade is the department's self-evaluation, confirmed by the 企画課 only once accepted.</summary>
    public bool IsAccepted => Status == ReportStatus.Accepted;

    /// <summary>The 企画課's 二次評価 beside the self-grade, and its reason (ADR 0028).</summary>
    public EvaluationGrade? SecondGrade { get; init; }

    public string? SecondGradeReason { get; init; }
}

public sealed record PlanPeriodTargetChange(string Edition, string Before, string After, string Reason);

public sealed record PlanPeriodChange(string Edition, string Kind, string Reason, DateTimeOffset? At);

public sealed record PlanPeriodEnd(string Kind, FiscalYear Year, string Reason);
