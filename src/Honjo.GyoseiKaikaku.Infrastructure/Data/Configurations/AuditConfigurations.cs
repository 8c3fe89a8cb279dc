using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ActorId).HasMaxLength(450);
        builder.Property(x => x.ActorName).HasMaxLength(256).IsRequired();

        // By name, so that the table reads without the code and a new action never shifts the old ones.
        builder.Property(x => x.Action).HasConversion<string>().HasMaxLength(50).IsRequired();
        builder.Property(x => x.Target).HasMaxLength(AuditLimits.Target).IsRequired();
        builder.Property(x => x.Detail).HasMaxLength(AuditLimits.Detail).IsRequired();
        builder.Property(x => x.ClientAddress).HasMaxLength(64);
        builder.Property(x => x.RequestId).HasMaxLength(128);
        builder.HasIndex(x => new { x.Action, x.Id });
    }
}
