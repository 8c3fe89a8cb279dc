using System.Diagnostics;
using System.Net;
using Honjo.GyoseiKaikaku.Infrastructure.Hosting;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Honjo.GyoseiKaikaku.Web.Tests.Operations;

/// <summary>
/// The backup of the running SQLite database holds every save acknowledged before it began (the write-ahead log
/// included) and the key ring: restored, it serves the last save and the sessions signed in before.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_saves_run_restores_with_the_last_acknowledged_save_and_the_key_ring()
    {
        using var app = new AppFactory();
        await TestUsers.CreateAsync(app, "b-shimin", AppRoles.DepartmentEditor, "市民課");
        await app.PublishWithStandInPdfAsync(new Domain.Common.FiscalYear(6)); // department entry opens at 計画の公表
        var saver = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await saver.SignInAsync("b-shimin");
        var session = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .SignInAndCopySessionCookieAsync("b-shimin");
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var saves = Task.Run(async () =>
        {
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                var response = await saver.PostReportAsync("1-9", await saver.OpenFormAsync("1-9", $"保存{i}", "B", "続けます。", "save"));
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Volatile.Write(ref acknowledged, i);
            }
        });
        while (Volatile.Read(ref acknowledged) < 5)
        {
            await WhileSavingAsync(saves);
        }

        // Several backups in a row, each one under saves: a backup must not fail on a save committing at that instant.
        var folder = Path.Combine(Path.GetTempPath(), $"honjo-backup-{Guid.NewGuid():N}");
        var (before, after, backup) = (0, 0, string.Empty);
        for (var i = 0; i < 5; i++)
        {
            before = Volatile.Read(ref acknowledged);
            backup = await DatabaseBackup.BackupSqliteAsync($"Data Source={app.DatabasePath}", folder, DateTimeOffset.UtcNow.AddSeconds(i));
            after = Volatile.Read(ref acknowledged);
        }

        while (Volatile.Read(ref acknowledged) < after + 3)
        {
            await WhileSavingAsync(saves);
        }

        await stop.CancelAsync();
        await saves;

        using var restored = new AppFactory();
        File.Copy(backup, restored.DatabasePath);
        var saved = (await restored.StoredReportAsync("1-9"))!.StatusReport;
        var number = int.Parse(saved["保存".Length..], System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(number, before, after + 1);
        Assert.True(Volatile.Read(ref acknowledged) > number, "Saves went on after the backup; the backup must not have them all.");
        Assert.Equal(HttpStatusCode.OK, (await restored.ReplayAsync(session, "/my/plans")).StatusCode);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Waits a moment; a save loop that stopped (a refused save) fails the test instead of leaving it waiting.</summary>
    private static async Task WhileSavingAsync(Task saves)
    {
        await Task.Delay(50);
        if (saves.IsCompleted)
        {
            await saves;
            throw new InvalidOperationException("The saves stopped before the backup was checked.");
        }
    }

    [Fact]
    public async Task The_backup_command_writes_the_file_and_prints_its_path()
    {
        using var app = new AppFactory();
        _ = app.Services;
        var folder = Path.Combine(Path.GetTempPath(), $"honjo-backup-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Honjo.GyoseiKaikaku.Web.dll"), "--backup", folder])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Default"] = $"Data Source={app.DatabasePath}";

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        var file = output.Trim();
        Assert.StartsWith(Path.Combine(folder, "gyoseikaikaku-"), file, StringComparison.Ordinal);
        Assert.True(new FileInfo(file).Length > 100_000, "The backup is smaller than the seeded database.");
        Directory.Delete(folder, recursive: true);
    }
}
