using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data.Configurations;

internal sealed class BookletEditionConfiguration : IEntityTypeConfiguration<BookletEdition>
{
    public void Configure(EntityTypeBuilder<BookletEdition> builder)
    {
        builder.ToTable("Editions");
        builder.HasIndex(e => e.Year).IsUnique();
        builder.Property(e => e.Title).HasMaxLength(200).IsRequired();
        builder.Property(e => e.IssuedLabel).HasMaxLength(50).IsRequired();
        builder.Ignore(e => e.EditionName);
        builder.HasMany(e => e.Entries).WithOne().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.FieldPages).WithOne().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(e => e.FieldPages).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(e => e.Files).WithOne().HasForeignKey(f => f.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(e => e.Files).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(e => e.Corrections).WithOne().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(e => e.Corrections).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(e => e.PublishedTitle);
        builder.Ignore(e => e.IsReportEntryOpen);
    }
}

internal sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> builder)
    {
        builder.ToTable("Corrections");
        builder.Property(c => c.Reason).HasMaxLength(Correction.MaxReasonLength).IsRequired();
        builder.Property(c => c.By).HasMaxLength(100).IsRequired();
        builder.HasOne<PlanKey>().WithMany().HasForeignKey(c => c.PlanKeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.EditionId, c.At });
    }
}

internal sealed class BookletEntryConfiguration : IEntityTypeConfiguration<BookletEntry>
{
    public void Configure(EntityTypeBuilder<BookletEntry> builder)
    {
        builder.ToTable("EditionEntries");
        builder.HasKey(x => new { x.EditionId, x.PlanId });
        builder.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BookletFieldPageConfiguration : IEntityTypeConfiguration<BookletFieldPage>
{
    public void Configure(EntityTypeBuilder<BookletFieldPage> builder)
    {
        builder.ToTable("EditionFieldPages");
        builder.HasKey(x => new { x.EditionId, x.FieldNumber });
    }
}

internal sealed class PublishedFileConfiguration : IEntityTypeConfiguration<PublishedFile>
{
    public void Configure(EntityTypeBuilder<PublishedFile> builder)
    {
        builder.ToTable("PublishedFiles");
        builder.Property(f => f.FileName).HasMaxLength(200).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(f => f.Content).IsRequired();
        builder.HasIndex(f => new { f.EditionId, f.Kind, f.Format, f.Revision }).IsUnique();
        builder.Ignore(f => f.IsIntact);
    }
}
