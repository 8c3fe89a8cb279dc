using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.History;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<ReformOutline> Outlines => Set<ReformOutline>();

    public DbSet<ReformField> Fields => Set<ReformField>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<YearEndReport> YearEndReports => Set<YearEndReport>();

    public DbSet<BookletEdition> Editions => Set<BookletEdition>();

    public DbSet<HistoryEntry> History => Set<HistoryEntry>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
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
            h.HasIndex(x => new { x.PlanId, x.At });
            h.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
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
