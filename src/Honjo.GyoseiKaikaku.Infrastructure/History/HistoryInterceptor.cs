using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Honjo.GyoseiKaikaku.Infrastructure.History;

/// <summary>
/// Records every change to a plan's content and to its year-end records, field by field, in the same
/// transaction as the change itself. The one place where history is written.
/// </summary>
public sealed class HistoryInterceptor(ICurrentUser currentUser, TimeProvider clock) : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext? context)
    {
        if (context is null || currentUser.UserId is not { } userId)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var changes = new List<(int PlanId, int? Year, string Field, string Before, string After)>();
        var tracker = context.ChangeTracker;

        foreach (var entry in tracker.Entries<Plan>().Where(e => e.State == EntityState.Modified))
        {
            AddIfChanged(changes, entry.Entity.Id, null, "計画名", entry.Property(p => p.Name));
            AddIfChanged(changes, entry.Entity.Id, null, "開始年度", entry.Property(p => p.StartYear), y => ((FiscalYear)y!).Code);
            AddIfChanged(changes, entry.Entity.Id, null, "達成目標年度", entry.Property(p => p.TargetYear), y => ((FiscalYear)y!).Code);
            AddIfChanged(changes, entry.Entity.Id, null, "改革の視点", entry.Property(p => p.Perspective), v => ((ReformPerspective)v!).DisplayName());
            AddIfChanged(changes, entry.Entity.Id, null, "連携課（など）", entry.Property(p => p.CooperatorsOpenEnded), v => (bool)v! ? "など" : "なし");
        }

        foreach (var group in tracker.Entries<PlanTextItem>().GroupBy(e => (e.Entity.PlanId, e.Entity.Section)))
        {
            AddCollection(changes, group.Key.PlanId, group.Key.Section.DisplayName(), group, e => e.Entity.Order, e => e.Entity.Text, "\n");
        }

        foreach (var group in tracker.Entries<PlanExecutingDepartment>().GroupBy(e => e.Entity.PlanId))
        {
            AddCollection(changes, group.Key, "実行課", group, e => e.Entity.Order, e => DepartmentName(context, e.Entity.DepartmentId), "、");
        }

        foreach (var group in tracker.Entries<PlanCooperator>().GroupBy(e => e.Entity.PlanId))
        {
            AddCollection(changes, group.Key, "連携課", group, e => e.Entity.Order,
                e => e.Entity.GroupLabel ?? DepartmentName(context, e.Entity.DepartmentId ?? 0), "、");
        }

        foreach (var group in tracker.Entries<PlanSdgGoal>().GroupBy(e => e.Entity.PlanId))
        {
            AddCollection(changes, group.Key, "SDGs関連No.", group, e => e.Entity.Goal, e => e.Entity.Goal.ToString(System.Globalization.CultureInfo.InvariantCulture), "、");
        }

        foreach (var entry in tracker.Entries<PlanYearTarget>())
        {
            var field = $"{entry.Entity.Year.Code}年度の達成目標";
            if (entry.State == EntityState.Added && entry.Entity.Text.Length > 0)
            {
                changes.Add((entry.Entity.PlanId, null, field, string.Empty, entry.Entity.Text));
            }
            else if (entry.State == EntityState.Modified)
            {
                AddIfChanged(changes, entry.Entity.PlanId, null, field, entry.Property(t => t.Text));
            }
        }

        foreach (var entry in tracker.Entries<PlanChange>().Where(e => e.State == EntityState.Added))
        {
            changes.Add((entry.Entity.PlanId, null, $"計画変更（{entry.Entity.Type.DisplayName()}）", string.Empty, entry.Entity.Reason));
        }

        foreach (var entry in tracker.Entries<YearEndReport>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var r = entry.Entity;
            var year = r.Year.Reiwa;
            var added = entry.State == EntityState.Added;
            AddReportField(changes, entry, added, year, "取組状況報告", entry.Property(x => x.StatusReport), v => (string?)v ?? string.Empty);
            AddReportField(changes, entry, added, year, "実績値", entry.Property(x => x.ActualValue),
                v => v is decimal d ? d.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
            AddReportField(changes, entry, added, year, "年度末評価", entry.Property(x => x.Grade), v => v is EvaluationGrade g ? g.ToString() : string.Empty);
            AddReportField(changes, entry, added, year, "次年度に向けた取組方針", entry.Property(x => x.NextYearPolicy), v => (string?)v ?? string.Empty);
            AddReportField(changes, entry, added, year, "評価の説明", entry.Property(x => x.GradeExplanation), v => (string?)v ?? string.Empty);
            AddReportField(changes, entry, added, year, "二次評価", entry.Property(x => x.SecondGrade), v => v is EvaluationGrade g ? g.ToString() : string.Empty);
            AddReportField(changes, entry, added, year, "二次評価の理由", entry.Property(x => x.SecondGradeReason), v => (string?)v ?? string.Empty);
            AddReportField(changes, entry, added, year, "状態", entry.Property(x => x.Status), v => ((ReportStatus)v!).DisplayName());
            AddReportField(changes, entry, added, year, "企画課からのコメント", entry.Property(x => x.ReviewComment), v => (string?)v ?? string.Empty);
        }

        var now = clock.GetUtcNow();

        // A plan's end (完了・廃止・統合) belongs to its identity, not to a version.
        foreach (var entry in tracker.Entries<PlanKey>().Where(e => e.State == EntityState.Modified && e.Property(k => k.EndedYear).IsModified))
        {
            var key = entry.Entity;
            context.Set<HistoryEntry>().Add(new HistoryEntry
            {
                At = now,
                UserId = userId,
                UserName = currentUser.DisplayName,
                PlanKeyId = key.Id,
                EditionYear = key.EndedYear?.Reiwa,
                Field = "終了",
                Before = string.Empty,
                After = $"{key.EndKind?.DisplayName()}（{key.EndedYear?.Code}）：{key.EndReason}",
            });
        }

        // A 訂正 after a milestone: its kind, reason and the booklet revision it published, beside the fields it changed.
        foreach (var entry in tracker.Entries<Correction>().Where(e => e.State == EntityState.Added).ToList())
        {
            var correction = entry.Entity;
            var year = (context.Set<BookletEdition>().Local.FirstOrDefault(e => e.Corrections.Contains(correction))
                        ?? context.Set<BookletEdition>().Find(correction.EditionId))?.Year.Reiwa;
            context.Set<HistoryEntry>().Add(new HistoryEntry
            {
                At = now,
                UserId = userId,
                UserName = currentUser.DisplayName,
                PlanKeyId = correction.PlanKeyId,
                EditionYear = correction.Kind == CorrectionKind.Plan ? year : null,
                Year = correction.Kind == CorrectionKind.Report ? year : null,
                Field = $"訂正（{correction.Kind.DisplayName()}）",
                Before = string.Empty,
                After = $"{correction.Reason}（冊子を第{correction.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}版として公表）",
            });
        }

        foreach (var c in changes)
        {
            // A content change names the version it changed (the plan's id in one edition); a report change names
            // the plan's identity already. History is kept by identity, with the edition for content changes.
            var (planKeyId, editionYear) = c.Year is null ? VersionOf(context, c.PlanId) : (c.PlanId, null);
            if (planKeyId == 0)
            {
                continue; // A version being created: its creation is recorded where it is made, not field by field.
            }

            context.Set<HistoryEntry>().Add(new HistoryEntry
            {
                At = now,
                UserId = userId,
                UserName = currentUser.DisplayName,
                PlanKeyId = planKeyId,
                EditionYear = editionYear,
                Year = c.Year,
                Field = c.Field,
                Before = c.Before,
                After = c.After,
            });
        }
    }

    /// <summary>The identity and the edition's year of the plan version with id <paramref name="planId"/>; 0 for one not saved yet.</summary>
    private static (int PlanKeyId, int? EditionYear) VersionOf(DbContext context, int planId)
    {
        var plan = context.Set<Plan>().Local.FirstOrDefault(p => p.Id == planId) ?? context.Set<Plan>().Find(planId);
        if (plan is null || planId == 0 || context.Entry(plan).State == EntityState.Added)
        {
            return (0, null);
        }

        var edition = context.Set<BookletEdition>().Local.FirstOrDefault(e => e.Id == plan.EditionId)
            ?? context.Set<BookletEdition>().Find(plan.EditionId);
        return (plan.PlanKeyId, edition?.Year.Reiwa);
    }

    private static void AddIfChanged<T>(
        List<(int, int?, string, string, string)> changes, int planId, int? year, string field,
        PropertyEntry<T, string> property)
        where T : class
    {
        if (property.IsModified && property.OriginalValue != property.CurrentValue)
        {
            changes.Add((planId, year, field, property.OriginalValue ?? string.Empty, property.CurrentValue ?? string.Empty));
        }
    }

    private static void AddIfChanged<T, TValue>(
        List<(int, int?, string, string, string)> changes, int planId, int? year, string field,
        PropertyEntry<T, TValue> property, Func<object?, string> format)
        where T : class
    {
        if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
        {
            changes.Add((planId, year, field, format(property.OriginalValue), format(property.CurrentValue)));
        }
    }

    private static void AddReportField<TValue>(
        List<(int, int?, string, string, string)> changes, EntityEntry<YearEndReport> entry, bool added, int year, string field,
        PropertyEntry<YearEndReport, TValue> property, Func<object?, string> format)
    {
        var before = added ? (field == "状態" ? ReportStatus.NotStarted.DisplayName() : string.Empty) : format(property.OriginalValue);
        var after = format(property.CurrentValue);
        if (before != after)
        {
            changes.Add((entry.Entity.PlanKeyId, year, field, before, after));
        }
    }

    private static void AddCollection<T>(
        List<(int, int?, string, string, string)> changes, int planId, string field, IEnumerable<EntityEntry<T>> entries,
        Func<EntityEntry<T>, int> order, Func<EntityEntry<T>, string> text, string separator)
        where T : class
    {
        var list = entries.ToList();
        if (list.All(e => e.State == EntityState.Unchanged))
        {
            return;
        }

        var before = string.Join(separator, list.Where(e => e.State is EntityState.Unchanged or EntityState.Deleted or EntityState.Modified).OrderBy(order).Select(text));
        var after = string.Join(separator, list.Where(e => e.State is EntityState.Unchanged or EntityState.Added or EntityState.Modified).OrderBy(order).Select(text));
        if (before != after)
        {
            changes.Add((planId, null, field, before, after));
        }
    }

    private static string DepartmentName(DbContext context, int departmentId) =>
        context.Set<Department>().Local.FirstOrDefault(d => d.Id == departmentId)?.Name
        ?? context.Set<Department>().Find(departmentId)?.Name
        ?? departmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
