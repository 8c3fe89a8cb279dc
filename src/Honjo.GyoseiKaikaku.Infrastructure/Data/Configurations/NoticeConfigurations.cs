using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data.Configurations;

internal sealed class ReportCommentConfiguration : IEntityTypeConfiguration<ReportComment>
{
    public void Configure(EntityTypeBuilder<ReportComment> builder)
    {
        builder.ToTable("ReportComments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(c => c.Body).HasMaxLength(ReportComment.MaxBodyLength).IsRequired();
        builder.Property(c => c.AuthorId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(100).IsRequired();
        builder.Ignore(c => c.KindLabel);
        builder.HasOne<PlanKey>().WithMany().HasForeignKey(c => c.PlanKeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PlanKeyId, c.Year, c.Id });
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("Notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(Notice.MaxTitleLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(Notice.MaxBodyLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(Notice.MaxLinkLength).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.Id });
    }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("OutboxMails");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.To).HasMaxLength(OutboxMail.MaxAddressLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(Notice.MaxTitleLength).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMail.MaxErrorLength);
        builder.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
    }
}

internal sealed class DeadlineReminderConfiguration : IEntityTypeConfiguration<DeadlineReminderRecord>
{
    public void Configure(EntityTypeBuilder<DeadlineReminderRecord> builder)
    {
        builder.ToTable("DeadlineReminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30).IsRequired();
        builder.HasOne<PlanKey>().WithMany().HasForeignKey(r => r.PlanKeyId).OnDelete(DeleteBehavior.Cascade);

        // The record that makes a reminder go out once: a second run or server fails to insert it and sends nothing.
        builder.HasIndex(r => new { r.PlanKeyId, r.Year, r.Kind, r.Deadline }).IsUnique();
    }
}
