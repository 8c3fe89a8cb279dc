using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.History;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options, IReportAudienceProvider? audience = null)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// Whose eyes this context reads for. Without a provider (tools, tests that build a context by hand, background
    /// work) it reads accepted reports only: secure by default.
    /// </summary>
    private ReportAudience? _audienceOverride;

    public ReportAudience Audience => _audienceOverride ?? audience?.Current ?? ReportAudience.AcceptedOnly;

    // The global filter below reads these two members on every query; EF Core passes them as parameters.
    private bool AudienceReadsAll => Audience.ReadsAll;

    private List<int> AudienceDepartmentIds => [.. Audience.DepartmentIds];

    public DbSet<ReformOutline> Outlines => Set<ReformOutline>();

    public DbSet<ReformField> Fields => Set<ReformField>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<DepartmentReorganization> DepartmentReorganizations => Set<DepartmentReorganization>();

    /// <summary>Every edition's version of every plan: filter by edition (<see cref="PlanQueries.InEdition"/>).</summary>
    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanKey> PlanKeys => Set<PlanKey>();

    public DbSet<YearEndReport> YearEndReports => Set<YearEndReport>();

    public DbSet<BookletEdition> Editions => Set<BookletEdition>();

    public DbSet<HistoryEntry> History => Set<HistoryEntry>();

    /// <summary>The threads between departments and the 企画課, one per plan and fiscal year (ADR 0024).</summary>
    public DbSet<ReportComment> ReportComments => Set<ReportComment>();

    /// <summary>Notices shown in the application, one per person (ADR 0023).</summary>
    public DbSet<Notices.Notice> Notices => Set<Notices.Notice>();

    /// <summary>E-mails waiting to be sent (ADR 0023).</summary>
    public DbSet<Notices.OutboxMail> OutboxMails => Set<Notices.OutboxMail>();

    /// <summary>Deadline reminders sent, per report, kind and deadline.</summary>
    public DbSet<Notices.DeadlineReminderRecord> DeadlineReminders => Set<Notices.DeadlineReminderRecord>();

    /// <summary>The 行政改革審議会's opinions and their responses, and each edition's table of them (ADR 0029).</summary>
    public DbSet<Domain.Council.CouncilOpinion> CouncilOpinions => Set<Domain.Council.CouncilOpinion>();

    public DbSet<Domain.Council.CouncilTable> CouncilTables => Set<Domain.Council.CouncilTable>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>ASP.NET Core Data Protection's key ring, shared by every server (ADR 0019).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Previewed workbook uploads waiting for confirmation.</summary>
    public DbSet<PendingImportRecord> PendingImports => Set<PendingImportRecord>();

    /// <summary>Reads as <paramref name="audience"/> from now on (publishing reads as the public would).</summary>
    public void ReadAs(ReportAudience audience) => _audienceOverride = audience;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // The report-visibility rule of ReportAudience, in SQL: applied to every query that reaches a year-end
        // report, directly or through Plan.YearEndReports (Include, Any, projections). See ADR 0015.
        builder.Entity<YearEndReport>().HasQueryFilter(r =>
            r.Status == ReportStatus.Accepted
            || AudienceReadsAll
            || Set<Plan>().Any(p => p.PlanKeyId == r.PlanKeyId
                                    && p.ExecutingDepartments.Any(d => AudienceDepartmentIds.Contains(d.DepartmentId))));
        // A report's thread: the department and the 企画課 only, whatever the report's state (the rule above without
        // its "accepted" clause; ADR 0024).
        builder.Entity<ReportComment>().HasQueryFilter(c =>
            AudienceReadsAll
            || Set<Plan>().Any(p => p.PlanKeyId == c.PlanKeyId
                                    && p.ExecutingDepartments.Any(d => AudienceDepartmentIds.Contains(d.DepartmentId))));
        builder.Entity<ApplicationUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(100);
            u.HasMany(x => x.Departments).WithOne().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<HistoryEntry>(h =>
        {
            h.ToTable("History");
            h.Property(x => x.UserId).HasMaxLength(450).IsRequired();
            h.Property(x => x.UserName).HasMaxLength(100).IsRequired();
            h.Property(x => x.Field).HasMaxLength(100).IsRequired();
            h.HasIndex(x => new { x.PlanKeyId, x.At });
            h.HasOne<PlanKey>().WithMany().HasForeignKey(x => x.PlanKeyId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<UserDepartment>(d =>
        {
            d.ToTable("UserDepartments");
            d.HasKey(x => new { x.UserId, x.DepartmentId });
            d.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<FiscalYear>().HaveConversion<FiscalYearConverter>();

        // SQLite cannot order or compare DateTimeOffset; store it as UTC ticks there, natively on SQL Server.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
