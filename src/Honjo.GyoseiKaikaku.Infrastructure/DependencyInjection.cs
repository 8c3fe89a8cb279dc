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
using Microsoft.EntityFrameworkCore.Diagnostics;
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
        var provider = ReadProvider(section);
        var connectionString = configuration.GetConnectionString(ConnectionStringName) switch
        {
            { Length: > 0 } configured => configured,
            _ when provider == DatabaseProvider.Sqlite => "Data Source=App_Data/gyoseikaikaku.db",
            _ => throw new StartupConfigurationException(
                "ConnectionStrings:Default is required when Database:Provider is SqlServer (environment variable ConnectionStrings__Default)."),
        };

        services.AddScoped<HistoryInterceptor>();
        services.AddSingleton<AppendOnlyAuditInterceptor>();
        services.AddDbContext<AppDbContext>((sp, db) =>
            UseProvider(db, provider, connectionString).AddInterceptors(
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
        services.AddNotices(configuration);
        return services;
    }

    /// <summary>Notices, the mail outbox and its sender, deadline reminders (ADR 0023).</summary>
    private static void AddNotices(this IServiceCollection services, IConfiguration configuration)
    {
        var mail = configuration.GetSection(Notices.MailOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(mail["Smtp:Host"]) && string.IsNullOrWhiteSpace(mail["From"]))
        {
            throw new StartupConfigurationException("Mail:From (the sender address) is required when Mail:Smtp:Host is set.");
        }

        services.Configure<Notices.MailOptions>(mail);
        services.Configure<Notices.NoticeOptions>(configuration.GetSection(Notices.NoticeOptions.SectionName));
        services.AddScoped<Notices.Notifier>();
        services.AddScoped<Notices.DeadlineReminders>();
        services.AddSingleton<Notices.OutboxSender>();
        services.AddHostedService<Notices.OutboxService>();
        services.AddHostedService<Notices.DeadlineReminderService>();
    }

    /// <summary>Database:Provider, refused with the values it may take rather than a binder's exception.</summary>
    private static DatabaseProvider ReadProvider(IConfigurationSection section)
    {
        var value = section[nameof(DatabaseOptions.Provider)];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider) && !int.TryParse(value, out _)
            ? provider
            : throw new StartupConfigurationException($"Database:Provider is '{value}'; it must be Sqlite or SqlServer.");
    }

    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return provider switch
        {
            // SQLite rebuilds a table to change a column, with PRAGMA foreign_keys outside the transaction (SQLite ignores
            // it inside one); EF Core warns about it for every such migration. It is expected here (ADR 0020), not a fault.
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(MigrationAssemblies.Sqlite))
                .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, Microsoft.Extensions.Logging.LogLevel.Information))),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(MigrationAssemblies.SqlServer)),
            _ => throw new InvalidOperationException($"Unknown database provider '{provider}'. Use Sqlite or SqlServer."),
        };
    }
}
