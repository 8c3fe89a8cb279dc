using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data.Configurations;

internal sealed class ReformOutlineConfiguration : IEntityTypeConfiguration<ReformOutline>
{
    public void Configure(EntityTypeBuilder<ReformOutline> builder)
    {
        builder.ToTable("Outlines");
        builder.Property(o => o.Title).HasMaxLength(100).IsRequired();
        builder.Property(o => o.Theme).HasMaxLength(200).IsRequired();
        builder.Property(o => o.PeriodLabel).HasMaxLength(100).IsRequired();
    }
}

internal sealed class ReformFieldConfiguration : IEntityTypeConfiguration<ReformField>
{
    public void Configure(EntityTypeBuilder<ReformField> builder)
    {
        builder.ToTable("Fields");
        builder.HasKey(f => f.Number);
        builder.Property(f => f.Number).ValueGeneratedNever();
        builder.Property(f => f.Name).HasMaxLength(100).IsRequired();
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("Departments");
        builder.Property(d => d.Name).HasMaxLength(50).IsRequired();
        builder.HasIndex(d => d.Name).IsUnique();

        // A department is succeeded once: two reorganizations racing for it cannot both save.
        builder.Property(d => d.SuccessorId).IsConcurrencyToken();
        builder.HasOne(d => d.Successor).WithMany().HasForeignKey(d => d.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentReorganizationConfiguration : IEntityTypeConfiguration<DepartmentReorganization>
{
    public void Configure(EntityTypeBuilder<DepartmentReorganization> builder)
    {
        builder.ToTable("DepartmentReorganizations");
        builder.Property(r => r.Reason).HasMaxLength(DepartmentReorganization.MaxReasonLength).IsRequired();
        builder.Property(r => r.RecordedBy).HasMaxLength(256).IsRequired();
        builder.HasOne(r => r.Department).WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.AsOfYear);
    }
}
