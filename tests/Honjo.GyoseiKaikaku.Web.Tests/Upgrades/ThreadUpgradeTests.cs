using System.IO.Compression;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Honjo.GyoseiKaikaku.Web.Tests.Notices;
using Microsoft.Data.Sqlite;

namespace Honjo.GyoseiKaikaku.Web.Tests.Upgrades;

/// <summary>
/// The single review comment of earlier releases becomes the first entry of the report's thread when a database is
/// upgraded: the first release's database (Fixtures/first-release), with 2-18's submitted report returned by the
/// 企画課 as that release stored it (status 差戻し, the comment, who and when on the report row).
/// </summary>
public sealed class ThreadUpgradeTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "first-release", "r6-first-release.db.gz");

    [Fact]
    public async Task An_old_return_comment_becomes_the_first_entry_of_the_reports_thread()
    {
        var path = AppFactory.NewDatabasePath();
        await using (var source = new GZipStream(File.OpenRead(Fixture), CompressionMode.Decompress))
        await using (var target = File.Create(path))
        {
            await source.CopyToAsync(target);
        }

        // 2-18 is the fixture's only submitted report; the first release returned it like this.
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE "YearEndReports" SET "Status" = 3, "ReviewComment" = '標準化の進み具合を数値で書いてください。',
                    "ReviewedBy" = '企画課 担当者', "ReviewedAt" = "SubmittedAt" WHERE "Status" = 2
                """;
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        using var upgraded = AppFactory.Create(new() { DatabasePath = path });
        await TestUsers.CreateAsync(upgraded, "u-joho", AppRoles.DepartmentEditor, "情報システム課");

        var entry = Assert.Single(await upgraded.ThreadAsync("2-18"));
        Assert.Equal((ReportCommentKind.Returned, "標準化の進み具合を数値で書いてください。", "企画課 担当者", true),
            (entry.Kind, entry.Body, entry.AuthorName, entry.FromPlanningOffice));
        Assert.Null(entry.AuthorId);
        var report = await upgraded.StoredReportAsync("2-18");
        Assert.Equal(report!.ReviewedAt, entry.At);

        // No other report had a comment: no other thread.
        Assert.Empty(await upgraded.ThreadAsync("1-10"));

        // The department reads it on the report, as the first entry of the thread.
        using var joho = upgraded.CreateClient();
        await joho.SignInAsync("u-joho");
        var page = await joho.GetDocumentAsync("/plans/2-18/report");
        var first = page.QuerySelector("[data-thread] [data-thread-entry]")!;
        Assert.Equal("Returned", first.GetAttribute("data-thread-entry"));
        Assert.Contains("標準化の進み具合を数値で書いてください。", first.TextContent, StringComparison.Ordinal);
    }
}
