using Honjo.GyoseiKaikaku.Infrastructure;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Hosting;

namespace Honjo.GyoseiKaikaku.Web.Features.Operations;

/// <summary>
/// <c>dotnet Honjo.GyoseiKaikaku.Web.dll --backup &lt;folder&gt;</c> (or <c>scripts/backup.sh</c>): a consistent copy of the
/// SQLite database, key ring included, while the application runs; prints the file's path. SQL Server is backed up by
/// SQL Server itself (BACKUP DATABASE; docs/deployment.md).
/// </summary>
public static class BackupCommand
{
    public const string Switch = "--backup";

    public static bool IsRequested(string[] args) => args.Contains(Switch, StringComparer.Ordinal);

    public static async Task<int> RunAsync(IConfiguration configuration, string[] args)
    {
        var index = Array.IndexOf(args, Switch);
        if (index + 1 >= args.Length || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("Usage: --backup <folder>");
            return 2;
        }

        var provider = configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"];
        if (string.Equals(provider, nameof(DatabaseProvider.SqlServer), StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync(
                "The database is SQL Server: back it up with SQL Server (BACKUP DATABASE … TO DISK = …; see docs/deployment.md). The key ring is in the same database.");
            return 2;
        }

        var connectionString = configuration.GetConnectionString(DependencyInjection.ConnectionStringName) ?? "Data Source=App_Data/gyoseikaikaku.db";
        try
        {
            var file = await DatabaseBackup.BackupSqliteAsync(connectionString, args[index + 1], DateTimeOffset.UtcNow);
            Console.WriteLine(file);
            return 0;
        }
        catch (Exception e) when (e is IOException or StartupConfigurationException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("Backup failed: " + e.Message);
            return 1;
        }
    }
}
