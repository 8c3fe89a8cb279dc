using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Honjo.GyoseiKaikaku.Infrastructure.Hosting;

/// <summary>
/// A consistent copy of the running SQLite database, through SQLite's online backup API: the saves still in the
/// write-ahead log are included (a plain copy of the .db file misses them), and the application keeps running. The
/// key ring is in the database, so the copy carries it too (ADR 0019).
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Writes <c>gyoseikaikaku-yyyyMMdd-HHmmss.db</c> (UTC) into <paramref name="directory"/> and returns its path.</summary>
    public static async Task<string> BackupSqliteAsync(string connectionString, string directory, DateTimeOffset now, CancellationToken ct = default)
    {
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, $"gyoseikaikaku-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.db");
        if (File.Exists(target))
        {
            throw new IOException($"The backup file '{target}' already exists.");
        }

        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            throw new StartupConfigurationException($"No database at '{source.DataSource}' (ConnectionStrings:Default).");
        }

        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            await CopyAsync(from, to, ct);

            // The copy must open and be whole before anyone relies on it.
            await using var check = to.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            if (await check.ExecuteScalarAsync(ct) as string != "ok")
            {
                throw new InvalidDataException($"The backup '{target}' failed SQLite's integrity check.");
            }
        }

        return target;
    }

    /// <summary>
    /// The online backup reads a snapshot, but a save that is committing or checkpointing at that instant makes it
    /// answer "database is locked". SQLite's busy handler waits for that (Microsoft.Data.Sqlite sets none on a
    /// connection, only on its commands), and a few retries cover what is left.
    /// </summary>
    private static async Task CopyAsync(SqliteConnection from, SqliteConnection to, CancellationToken ct)
    {
        foreach (var connection in new[] { from, to })
        {
            await using var busy = connection.CreateCommand();
            busy.CommandText = "PRAGMA busy_timeout = 10000";
            await busy.ExecuteNonQueryAsync(ct);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                from.BackupDatabase(to);
                return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
            }
        }
    }
}
