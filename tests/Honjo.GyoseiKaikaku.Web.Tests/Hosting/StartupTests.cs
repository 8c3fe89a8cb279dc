using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Honjo.GyoseiKaikaku.Web.Tests.Hosting;

/// <summary>Start-up never hangs silently, never aborts on a race, and never needs what it does not use.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Two_servers_started_at_once_on_an_empty_database_both_start_and_the_seed_is_imported_once()
    {
        var path = AppFactory.NewDatabasePath();
        using var a = AppFactory.Create(new() { DatabasePath = path });
        using var b = AppFactory.Create(new() { DatabasePath = path });

        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        Assert.Equal(HttpStatusCode.OK, (await a.CreateClient().GetAsync(new Uri("/opendata", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.CreateClient().GetAsync(new Uri("/opendata", UriKind.Relative))).StatusCode);
        await using var scope = a.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        Assert.Equal(1, await db.Outlines.CountAsync());
        Assert.Equal(56, await db.Plans.CountAsync());
        Assert.Single(a.Log.Records.Concat(b.Log.Records), r => r.Message.StartsWith("Imported the seed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_populated_database_starts_without_the_seed_file()
    {
        var path = AppFactory.NewDatabasePath();
        using var first = AppFactory.Create(new() { DatabasePath = path });
        _ = first.Services;

        using var again = AppFactory.Create(new() { DatabasePath = path, Settings = new Dictionary<string, string?> { ["Database:SeedFile"] = "/nonexistent/booklet.json" } });

        var response = await again.CreateClient().GetAsync(new Uri("/opendata", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(again.Log.Records, r => r.Message.Contains("the seed file is not read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fresh_start_with_a_key_certificate_logs_no_warnings_and_keeps_the_keys_encrypted()
    {
        var certificate = Path.Combine(Path.GetTempPath(), $"honjo-keys-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=honjo-gyoseikaikaku-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificate, created.Export(X509ContentType.Pkcs12, "test-pfx"));
        }

        using var app = AppFactory.Create(new() { Settings = new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = certificate,
            ["DataProtection:CertificatePassword"] = "test-pfx",
        } });

        _ = app.Services;
        var signIn = await app.CreateClient().GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(app.Log.Records, r => r.Message.StartsWith("Imported the seed", StringComparison.Ordinal));
        var warnings = app.Log.Records.Where(r => r.Level >= LogLevel.Warning).Select(r => $"{r.Category}: {r.Message}").ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
        await using var scope = app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.Database().DataProtectionKeys.ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("encryptedSecret", k.Xml, StringComparison.Ordinal));
        File.Delete(certificate);
    }

    [Fact]
    public async Task Without_a_key_certificate_the_unprotected_key_ring_is_the_one_warning()
    {
        using var app = new AppFactory();

        _ = app.Services;

        var warning = Assert.Single(app.Log.Records, r => r.Level >= LogLevel.Warning);
        Assert.Contains("No XML encryptor configured", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_migration_lock_left_by_a_crash_is_removed_with_a_warning_and_start_up_goes_on()
    {
        var path = AppFactory.NewDatabasePath();
        LeaveMigrationLock(path, DateTimeOffset.UtcNow.AddHours(-1));
        using var app = AppFactory.Create(new() { DatabasePath = path, Settings = new Dictionary<string, string?> { ["Database:MigrationLock:StaleAfter"] = "00:05:00" } });

        var response = await app.CreateClient().GetAsync(new Uri("/opendata", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(app.Log.Records, r => r.Level == LogLevel.Warning && r.Message.StartsWith("Removed a stale migration lock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_held_migration_lock_is_waited_for_with_log_lines_until_it_is_stale()
    {
        var path = AppFactory.NewDatabasePath();
        LeaveMigrationLock(path, DateTimeOffset.UtcNow);
        using var app = AppFactory.Create(new() { DatabasePath = path, Settings = new Dictionary<string, string?>
        {
            ["Database:MigrationLock:StaleAfter"] = "00:00:03",
            ["Database:MigrationLock:PollInterval"] = "00:00:00.500",
        } });
        var stopwatch = Stopwatch.StartNew();

        var response = await app.CreateClient().GetAsync(new Uri("/opendata", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(2.5), $"Started after {stopwatch.Elapsed}: the lock was not waited for.");
        Assert.Contains(app.Log.Records, r => r.Message.StartsWith("Waiting for the migration lock", StringComparison.Ordinal));
        Assert.Contains(app.Log.Records, r => r.Message.StartsWith("Still waiting for the migration lock", StringComparison.Ordinal));
        Assert.Contains(app.Log.Records, r => r.Level == LogLevel.Warning && r.Message.StartsWith("Removed a stale migration lock", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Database__Provider=Oracle", "Database:Provider is 'Oracle'; it must be Sqlite or SqlServer.")]
    [InlineData("Database__Provider=SqlServer|ConnectionStrings__Default=", "ConnectionStrings:Default is required when Database:Provider is SqlServer")]
    [InlineData("Database__SeedFile=/nonexistent/booklet.json", "The database is empty and the seed file was not found at '/nonexistent/booklet.json'")]
    public async Task A_configuration_error_ends_with_one_critical_line_and_exit_code_1(string environment, string message)
    {
        var database = AppFactory.NewDatabasePath();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Honjo.GyoseiKaikaku.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={database}";
        foreach (var pair in environment.Split('|'))
        {
            var (key, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        var lines = (await output + await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(1, process.ExitCode);
        var critical = Assert.Single(lines, l => l.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal));
        using var entry = JsonDocument.Parse(critical);
        Assert.Contains(message, entry.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("Unhandled exception", StringComparison.Ordinal));
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }
    }

    /// <summary>A database whose migration was interrupted: EF Core's lock row is still there.</summary>
    private static void LeaveMigrationLock(string path, DateTimeOffset takenAt)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, $timestamp);
            """;
        command.Parameters.AddWithValue("$timestamp", takenAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }
}
