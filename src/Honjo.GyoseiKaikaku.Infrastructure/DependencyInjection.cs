using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Booklets;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.History;
using Honjo.GyoseiKaikaku.Infrastructure.Hosting;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.OpenData;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf;
using Honjo.GyoseiKaikaku.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Default";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        services.Configure<DatabaseOptions>(section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? (options.Provider == DatabaseProvider.Sqlite
                ? "Data Source=App_Data/gyoseikaikaku.db"
                : throw new InvalidOperationException(
                    "ConnectionStrings:Default is required when Database:Provider is SqlServer."));

        services.AddScoped<HistoryInterceptor>();
        services.AddSingleton<AppendOnlyAuditInterceptor>();
        services.AddDbContext<AppDbContext>((sp, db) =>
            UseProvider(db, options.Provider, connectionString).AddInterceptors(
                sp.GetRequiredService<HistoryInterceptor>(), sp.GetRequiredService<AppendOnlyAuditInterceptor>()));
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<BookletSeeder>();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<IBookletReader, BookletReader>();
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.SectionName));
        services.AddSingleton<IPdfEngine, ChromiumPdfEngine>();
        services.AddSingleton<IBookletExcelWriter, ExcelBookletWriter>();
        services.AddScoped<OpenDataReader>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton(TimeProvider.System);
        services.AddDatabaseKeyRing(configuration);
        return services;
    }

    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(MigrationAssemblies.Sqlite)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(MigrationAssemblies.SqlServer)),
            _ => throw new InvalidOperationException($"Unknown database provider '{provider}'. Use Sqlite or SqlServer."),
        };
    }
}
