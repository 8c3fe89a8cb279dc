using System.Globalization;
using Honjo.GyoseiKaikaku.Infrastructure.Hosting;
using Honjo.GyoseiKaikaku.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data;

/// <summary>
/// Creates and migrates the database, then, under one start-up lock shared by every server (ADR 0020): imports the
/// seed if the database is empty (the seed file is read only then), fills parsed target values a database from before
/// numeric targets lacks, and runs the caller's own start-up work (roles, demo accounts). Starting again changes nothing.
/// </summary>
public sealed class DatabaseInitializer(
    AppDbContext db,
    BookletSeeder seeder,
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>SQL Server's start-up lock: exclusive, released with the transaction; {0} is the timeout in milliseconds.</summary>
    public const string SqlServerStartupLock =
        "DECLARE @r int; EXEC @r = sp_getapplock @Resource = N'Honjo.GyoseiKaikaku.Startup', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = {0}; SELECT @r AS [Value]";

    private const string LockTable = "__EFMigrationsLock";

    public async Task InitializeAsync(Func<Task>? underStartupLock = null, CancellationToken cancellationToken = default)
    {
        EnsureSqliteDirectory();
        await MigrateAsync(cancellationToken);

        await using var startupLock = await AcquireStartupLockAsync(cancellationToken);
        if (await db.Outlines.AnyAsync(cancellationToken))
        {
            logger.LogInformation("The database already holds the outline; the seed file is not read.");
        }
        else
        {
            await seeder.SeedIfEmptyAsync(ReadSeed(), cancellationToken);
        }

        await FillTargetQuantitiesAsync(cancellationToken);
        if (underStartupLock is not null)
        {
            await underStartupLock();
        }

        await startupLock.CommitAsync(cancellationToken);
    }

    private BookletSeedDocument ReadSeed()
    {
        var seedPath = Path.IsPathRooted(options.Value.SeedFile)
            ? options.Value.SeedFile
            : Path.Combine(AppContext.BaseDirectory, options.Value.SeedFile);
        if (!File.Exists(seedPath))
        {
            throw new StartupConfigurationException(
                $"The database is empty and the seed file was not found at '{seedPath}'. Set Database:SeedFile to the booklet JSON (seed-data/booklet-r6.json).");
        }

        using var stream = File.OpenRead(seedPath);
        return BookletSeedDocument.Read(stream);
    }

    /// <summary>
    /// One server at a time past this point. SQLite: a write transaction (the file's one writer; the next server waits
    /// on its busy timeout). SQL Server: an exclusive application lock owned by the transaction.
    /// </summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> AcquireStartupLockAsync(CancellationToken ct)
    {
        logger.LogDebug("Taking the start-up lock.");
        var started = clock.GetTimestamp();
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Takes the write lock now, so that two servers cannot both find the database empty; waits (SQLite's busy
            // retries) as long as the SQL Server application lock would.
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(options.Value.StartupLockTimeout);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "__EFMigrationsHistory" SET "ProductVersion" = "ProductVersion" WHERE 0""", ct);
            db.Database.SetCommandTimeout(timeout);
        }
        else if (db.Database.IsSqlServer())
        {
            var timeout = (int)options.Value.StartupLockTimeout.TotalMilliseconds;
            var result = await db.Database.SqlQueryRaw<int>(SqlServerStartupLock, timeout).ToListAsync(ct);
            if (result.Single() < 0)
            {
                throw new StartupConfigurationException(
                    $"Another server held the start-up lock for more than {options.Value.StartupLockTimeout} (Database:StartupLockTimeout). Check that no other instance is stuck starting.");
            }
        }

        if (clock.GetElapsedTime(started) is { TotalSeconds: > 1 } waited)
        {
            logger.LogInformation("Waited {Waited} for another server's start-up (seed, roles) to finish.", waited);
        }

        return transaction;
    }

    /// <summary>Targets stored before the quantity columns existed get their parsed value (idempotent; no history is written).</summary>
    private async Task FillTargetQuantitiesAsync(CancellationToken ct)
    {
        var plans = await db.Plans.Include(p => p.YearTargets)
            .Where(p => p.YearTargets.Any(t => t.TargetValue == null && t.Text != string.Empty))
            .ToListAsync(ct);
        var changed = plans.Count(p => p.RefreshTargetQuantities());
        if (changed > 0)
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Filled the numeric values of the targets of {Count} plan versions stored before numeric targets.", changed);
        }
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            await db.Database.MigrateAsync(ct);
            return;
        }

        // EF Core waits silently and for ever on a lock row left by a server that stopped mid-migration: watch it.
        var existing = await ReadMigrationLockAsync(ct);
        if (existing is { } held && IsStale(held))
        {
            await RemoveStaleLockAsync(held, ct);
            existing = null;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = existing is { } foreign ? WatchMigrationLockAsync(foreign, stop.Token) : Task.CompletedTask;
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
        }
    }

    /// <summary>Logs while another server's lock is held, and removes it once it is stale.</summary>
    private async Task WatchMigrationLockAsync(string timestamp, CancellationToken ct)
    {
        var settings = options.Value.MigrationLock;
        logger.LogInformation(
            "Waiting for the migration lock taken at {LockTimestamp} by another server (table {LockTable}). It is removed as stale once older than {StaleAfter}.",
            timestamp, LockTable, settings.StaleAfter);
        try
        {
            while (true)
            {
                await Task.Delay(settings.PollInterval, clock, ct);
                var current = await ReadMigrationLockAsync(ct);
                if (current != timestamp)
                {
                    return; // released (or taken by us): EF Core goes on.
                }

                if (IsStale(current))
                {
                    await RemoveStaleLockAsync(current, ct);
                    return;
                }

                logger.LogInformation("Still waiting for the migration lock taken at {LockTimestamp}.", timestamp);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Migration finished.
        }
    }

    private bool IsStale(string timestamp)
    {
        var staleAfter = options.Value.MigrationLock.StaleAfter;
        return staleAfter > TimeSpan.Zero
            && DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var taken)
            && clock.GetUtcNow() - taken > staleAfter;
    }

    private async Task<string?> ReadMigrationLockAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{LockTable}'""";
        if (await command.ExecuteScalarAsync(ct) is null)
        {
            return null;
        }

        command.CommandText = $"""SELECT "Timestamp" FROM "{LockTable}" WHERE "Id" = 1""";
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private async Task RemoveStaleLockAsync(string timestamp, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""DELETE FROM "{LockTable}" WHERE "Id" = 1 AND "Timestamp" = $timestamp""";
        command.Parameters.AddWithValue("$timestamp", timestamp);
        if (await command.ExecuteNonQueryAsync(ct) > 0)
        {
            logger.LogWarning(
                "Removed a stale migration lock taken at {LockTimestamp} (older than Database:MigrationLock:StaleAfter = {StaleAfter}): a server stopped during a migration. Start-up continues; check the log of that server.",
                timestamp, options.Value.MigrationLock.StaleAfter);
        }
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
