using Honjo.GyoseiKaikaku.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("Plans");
        builder.HasIndex(p => new { p.EditionId, p.FieldNumber, p.Number }).IsUnique();
        builder.HasIndex(p => new { p.PlanKeyId, p.EditionId }).IsUnique();
        builder.HasOne(p => p.Key).WithMany().HasForeignKey(p => p.PlanKeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Edition).WithMany().HasForeignKey(p => p.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.YearEndReports);
        builder.Property(p => p.Name).HasMaxLength(Plan.MaxNameLength).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Field).WithMany().HasForeignKey(p => p.FieldNumber).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.PlanNumber);
        builder.Ignore(p => p.CooperatorsText);
        builder.Ignore(p => p.ExecutingDepartmentsText);

        builder.HasMany(p => p.ExecutingDepartments).WithOne().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Cooperators).WithOne().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.TextItems).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.YearTargets).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.SdgGoals).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Changes).WithOne().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);

        foreach (var navigation in new[]
                 {
                     nameof(Plan.ExecutingDepartments), nameof(Plan.Cooperators), nameof(Plan.TextItems),
                     nameof(Plan.YearTargets), nameof(Plan.SdgGoals), nameof(Plan.Changes),
                 })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}

internal sealed class PlanKeyConfiguration : IEntityTypeConfiguration<PlanKey>
{
    public void Configure(EntityTypeBuilder<PlanKey> builder)
    {
        builder.ToTable("PlanKeys");
        builder.HasIndex(k => new { k.FieldNumber, k.Number }).IsUnique();
        builder.Ignore(k => k.PlanNumber);
        builder.Property(k => k.EndReason).HasMaxLength(PlanKey.MaxEndReasonLength);
        builder.HasOne<PlanKey>().WithMany().HasForeignKey(k => k.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(k => k.YearEndReports).WithOne().HasForeignKey(r => r.PlanKeyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(k => k.YearEndReports).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PlanExecutingDepartmentConfiguration : IEntityTypeConfiguration<PlanExecutingDepartment>
{
    public void Configure(EntityTypeBuilder<PlanExecutingDepartment> builder)
    {
        builder.ToTable("PlanExecutingDepartments");
        builder.HasKey(d => new { d.PlanId, d.DepartmentId });
        builder.HasOne(d => d.Department).WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanCooperatorConfiguration : IEntityTypeConfiguration<PlanCooperator>
{
    public void Configure(EntityTypeBuilder<PlanCooperator> builder)
    {
        builder.ToTable("PlanCooperators");
        builder.Property(c => c.GroupLabel).HasMaxLength(50);
        builder.HasOne(c => c.Department).WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PlanId, c.Order }).IsUnique();
        builder.Ignore(c => c.Label);
    }
}

internal sealed class PlanTextItemConfiguration : IEntityTypeConfiguration<PlanTextItem>
{
    public void Configure(EntityTypeBuilder<PlanTextItem> builder)
    {
        builder.ToTable("PlanTextItems");
        builder.Property(i => i.Text).HasMaxLength(Plan.MaxItemLength).IsRequired();
        builder.HasIndex(i => new { i.PlanId, i.Section, i.Order }).IsUnique();
    }
}

internal sealed class PlanYearTargetConfiguration : IEntityTypeConfiguration<PlanYearTarget>
{
    public void Configure(EntityTypeBuilder<PlanYearTarget> builder)
    {
        builder.ToTable("PlanYearTargets");
        builder.HasKey(t => new { t.PlanId, t.Year });
        builder.Property(t => t.Text).HasMaxLength(Plan.MaxItemLength).IsRequired();
        builder.Ignore(t => t.Lines);
        builder.Ignore(t => t.Quantity);
        builder.Property(t => t.TargetValue).HasPrecision(18, 4);
        builder.Property(t => t.TargetUnit).HasMaxLength(10);
        builder.Property(t => t.OriginalText).HasMaxLength(Plan.MaxItemLength);
    }
}

internal sealed class PlanChangeConfiguration : IEntityTypeConfiguration<PlanChange>
{
    public void Configure(EntityTypeBuilder<PlanChange> builder)
    {
        builder.ToTable("PlanChanges");
        builder.Property(c => c.Reason).HasMaxLength(PlanChange.MaxReasonLength).IsRequired();
        builder.Property(c => c.By).HasMaxLength(100).IsRequired();
        builder.HasIndex(c => new { c.PlanId, c.At });
    }
}

internal sealed class PlanSdgGoalConfiguration : IEntityTypeConfiguration<PlanSdgGoal>
{
    public void Configure(EntityTypeBuilder<PlanSdgGoal> builder)
    {
        builder.ToTable("PlanSdgGoals");
        builder.HasKey(g => new { g.PlanId, g.Goal });
    }
}

internal sealed class YearEndReportConfiguration : IEntityTypeConfiguration<YearEndReport>
{
    public void Configure(EntityTypeBuilder<YearEndReport> builder)
    {
        builder.ToTable("YearEndReports");
        builder.HasIndex(r => new { r.PlanKeyId, r.Year }).IsUnique();
        builder.Property(r => r.StatusReport).HasMaxLength(YearEndReport.MaxTextLength).IsRequired();
        builder.Property(r => r.NextYearPolicy).HasMaxLength(YearEndReport.MaxTextLength).IsRequired();
        builder.Property(r => r.ReviewComment).HasMaxLength(YearEndReport.MaxCommentLength);
        builder.Property(r => r.SubmittedBy).HasMaxLength(100);
        builder.Property(r => r.ReviewedBy).HasMaxLength(100);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.ActualValue).HasPrecision(18, 4);
        builder.Property(r => r.GradeExplanation).HasMaxLength(GradeConsistency.MaxExplanationLength);
        builder.Property(r => r.SecondGradeReason).HasMaxLength(YearEndReport.MaxCommentLength);
        builder.Ignore(r => r.GradesDiffer);
        builder.Ignore(r => r.IsComplete);
        builder.Ignore(r => r.IsEditable);
    }
}
