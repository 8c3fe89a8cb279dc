using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<ReformOutline> Outlines => Set<ReformOutline>();

    public DbSet<ReformField> Fields => Set<ReformField>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<YearEndReport> YearEndReports => Set<YearEndReport>();

    public DbSet<BookletEdition> Editions => Set<BookletEdition>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<ApplicationUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(100);
            u.HasMany(x => x.Departments).WithOne().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
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
    }
}
