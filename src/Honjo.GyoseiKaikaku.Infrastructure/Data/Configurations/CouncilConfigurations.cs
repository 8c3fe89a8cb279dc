using Honjo.GyoseiKaikaku.Domain.Council;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data.Configurations;

internal sealed class CouncilOpinionConfiguration : IEntityTypeConfiguration<CouncilOpinion>
{
    public void Configure(EntityTypeBuilder<CouncilOpinion> builder)
    {
        builder.ToTable("CouncilOpinions");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.AuthorId).HasMaxLength(450).IsRequired();
        builder.Property(o => o.AuthorName).HasMaxLength(100).IsRequired();
        builder.Property(o => o.Body).HasMaxLength(CouncilOpinion.MaxBodyLength).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(o => o.ForwardedBy).HasMaxLength(100);
        builder.Property(o => o.Response).HasMaxLength(CouncilOpinion.MaxResponseLength);
        builder.Property(o => o.RespondedBy).HasMaxLength(100);
        builder.Property(o => o.ReturnReason).HasMaxLength(CouncilOpinion.MaxReasonLength);
        builder.Property(o => o.AcceptedBy).HasMaxLength(100);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.IsGeneral);
        builder.HasOne<BookletEdition>().WithMany().HasForeignKey(o => o.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlanKey>().WithMany().HasForeignKey(o => o.PlanKeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Departments).WithOne().HasForeignKey(d => d.OpinionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Departments).HasField("_departments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(o => new { o.EditionId, o.Status });
        builder.HasIndex(o => new { o.EditionId, o.AuthorId });
    }
}

internal sealed class CouncilOpinionDepartmentConfiguration : IEntityTypeConfiguration<CouncilOpinionDepartment>
{
    public void Configure(EntityTypeBuilder<CouncilOpinionDepartment> builder)
    {
        builder.ToTable("CouncilOpinionDepartments");
        builder.HasKey(d => new { d.OpinionId, d.DepartmentId });
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CouncilTableConfiguration : IEntityTypeConfiguration<CouncilTable>
{
    public void Configure(EntityTypeBuilder<CouncilTable> builder)
    {
        builder.ToTable("CouncilTables");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.PublishedBy).HasMaxLength(100);
        builder.Property(t => t.ReopenedBy).HasMaxLength(100);
        builder.Property(t => t.ReopenReason).HasMaxLength(CouncilTable.MaxReasonLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<BookletEdition>().WithMany().HasForeignKey(t => t.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.EditionId).IsUnique();
    }
}
