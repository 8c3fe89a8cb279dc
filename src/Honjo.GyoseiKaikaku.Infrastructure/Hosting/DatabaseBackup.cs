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
            from.BackupDatabase(to);

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
}
