namespace Honjo.GyoseiKaikaku.Infrastructure.Data;

/// <summary>Configuration section "Database": which provider, and where the seed lives.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>"Sqlite" (the embedded default) or "SqlServer" (production).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations and import the seed at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The seed file, relative to the application's base directory unless rooted.</summary>
    public string SeedFile { get; set; } = Path.Combine("seed-data", "booklet-r6.json");

    /// <summary>SQLite's migration lock (<c>__EFMigrationsLock</c>): how start-up waits for it and when it is stale.</summary>
    public MigrationLockOptions MigrationLock { get; set; } = new();

    /// <summary>How long a server waits for another one's start-up (seeding) before it gives up (SQL Server's application lock).</summary>
    public TimeSpan StartupLockTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// A server that stops during a SQLite migration leaves its row in <c>__EFMigrationsLock</c>, and EF Core then waits
/// for ever. Start-up logs while it waits and removes a lock older than <see cref="StaleAfter"/> with a warning.
/// </summary>
public sealed class MigrationLockOptions
{
    /// <summary>A lock row older than this is taken to belong to a server that stopped mid-migration. Zero: never removed.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a waiting start-up looks at the lock again (and says so in the log).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

public enum DatabaseProvider
{
    Sqlite = 1,
    SqlServer = 2,
}

public static class MigrationAssemblies
{
    public const string Sqlite = "Honjo.GyoseiKaikaku.Migrations.Sqlite";
    public const string SqlServer = "Honjo.GyoseiKaikaku.Migrations.SqlServer";
}
