using Honjo.GyoseiKaikaku.Infrastructure;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Honjo.GyoseiKaikaku.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the context for the SqlServer migrations without starting the web application.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.UseProvider(builder, DatabaseProvider.SqlServer, "Server=(local);Database=GyoseiKaikaku;Trusted_Connection=True;TrustServerCertificate=True");
        return new AppDbContext(builder.Options);
    }
}
