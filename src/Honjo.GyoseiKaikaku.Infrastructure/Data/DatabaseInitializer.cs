using Honjo.GyoseiKaikaku.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data;

/// <summary>Creates and migrates the database, then imports the seed if the database is empty.</summary>
public sealed class DatabaseInitializer(
    AppDbContext db,
    BookletSeeder seeder,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        EnsureSqliteDirectory();
        await db.Database.MigrateAsync(cancellationToken);

        var seedPath = Path.IsPathRooted(options.Value.SeedFile)
            ? options.Value.SeedFile
            : Path.Combine(AppContext.BaseDirectory, options.Value.SeedFile);
        if (!File.Exists(seedPath))
        {
            throw new FileNotFoundException($"The seed file was not found at '{seedPath}'. Set Database:SeedFile.", seedPath);
        }

        await using var stream = File.OpenRead(seedPath);
        var seed = BookletSeedDocument.Read(stream);
        await seeder.SeedIfEmptyAsync(seed, cancellationToken);
    }

    private void EnsureSqliteDirectory()
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:" && !Directory.Exists(directory))
        {
            logger.LogInformation("Creating the database folder {Directory}.", directory);
            Directory.CreateDirectory(directory);
        }
    }
}
