using Honjo.GyoseiKaikaku.Infrastructure;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Honjo.GyoseiKaikaku.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the context for the Sqlite migrations without starting the web application.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.UseProvider(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new AppDbContext(builder.Options);
    }
}
