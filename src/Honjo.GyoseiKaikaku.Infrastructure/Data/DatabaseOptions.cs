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
