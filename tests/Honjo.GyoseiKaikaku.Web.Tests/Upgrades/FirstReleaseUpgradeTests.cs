using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Honjo.GyoseiKaikaku.Web.Tests.Upgrades;

/// <summary>
/// A database written by the first release (commit 74c7d5f, before numeric targets; see Fixtures/first-release) and
/// filled with R6 reports by people, upgraded by today's application: /summary reads exactly as on a freshly seeded
/// database where the same reports were entered, numeric targets included, without any plan being saved again.
/// </summary>
public sealed partial class FirstReleaseUpgradeTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "first-release", "r6-first-release.db.gz");

    /// <summary>What Fixtures/first-release/drive.py did, step by step: (who, plan, what, text, grade, policy).</summary>
    private static readonly (string User, string Plan, string Action, string Text, string Grade, string Policy)[] Steps =
    [
        ("shimin", "1-9", "save", "コンビニ交付の利用が伸びました。", "A", "周知を続けます。"),
        ("shimin", "1-10", "submit", "キャッシュレス決済を全窓口に広げました。", "B", "利用促進を図ります。"),
        ("kikaku", "1-10", "return", "目標との比較を書いてください。", "", ""),
        ("shimin", "1-10", "submit", "キャッシュレス決済を全窓口に広げ、目標と比べました。", "B", "利用促進を図ります。"),
        ("kikaku", "1-10", "accept", "", "", ""),
        ("joho", "1-4", "submit", "オープンデータを公開しました。", "A", "公開を広げます。"),
        ("kikaku", "1-4", "accept", "", "", ""),
        ("joho", "2-18", "submit", "情報システムの標準化を進めました。", "A", "移行を完了します。"),
        ("kikaku", "1-1", "submit", "窓口アンケートを実施しました。", "A", "アンケートを続けます。"),
        ("kikaku", "1-1", "accept", "", "", ""),
        ("kikaku", "3-1", "submit", "企画課が代わりに入力しました。", "C", "改善策を検討します。"),
        ("kikaku", "3-1", "accept", "", "", ""),
        ("kikaku", "1-2", "save", "途中まで書きました。", "", ""),
    ];

    [Fact]
    public async Task A_first_release_database_with_reports_shows_the_same_summary_as_a_fresh_one_with_the_same_reports()
    {
        var oldPath = AppFactory.NewDatabasePath();
        await using (var source = new GZipStream(File.OpenRead(Fixture), CompressionMode.Decompress))
        await using (var target = File.Create(oldPath))
        {
            await source.CopyToAsync(target);
        }

        Assert.Equal("20261124071814_PublishedFiles", await ScalarAsync(oldPath, """SELECT max("MigrationId") FROM "__EFMigrationsHistory" """));
        Assert.Equal("0", await ScalarAsync(oldPath, """SELECT count(*) FROM pragma_table_info('PlanYearTargets') WHERE name = 'TargetValue'"""));

        using var upgraded = AppFactory.Create(new() { DatabasePath = oldPath });
        await CreateUsersAsync(upgraded);
        using var fresh = new AppFactory();
        await CreateUsersAsync(fresh);
        await fresh.PublishWithStandInPdfAsync(new FiscalYear(6));
        await EnterReportsAsync(fresh);

        var after = await SummaryAsync(upgraded);
        var expected = await SummaryAsync(fresh);

        Assert.Contains(upgraded.Log.Records, r => r.Message.StartsWith("Filled the numeric values of the targets", StringComparison.Ordinal));

        // The numeric targets are counted (and listed) as on the fresh database, not as 0.
        var count = after.Page.QuerySelector("[data-count='numeric-targets']")!.TextContent;
        Assert.NotEqual("0", count);
        Assert.Equal(expected.Page.QuerySelector("[data-count='numeric-targets']")!.TextContent, count);
        Assert.Equal(Section(expected.Page, "numeric-targets"), Section(after.Page, "numeric-targets"));

        // The first release's accepted grades are there: 1-1 A, 1-4 A, 1-10 B, 3-1 C; 1-9, 1-2 drafts; 2-18 submitted.
        Assert.Equal(new[] { "A=2", "B=1", "C=1" }, new[] { "A", "B", "C" }.Select(g => $"{g}={after.Page.QuerySelector($"[data-overall='{g}']")!.TextContent}"));
        Assert.Equal("2", after.Page.QuerySelector("[data-status='Draft']")!.TextContent);
        Assert.Equal("1", after.Page.QuerySelector("[data-status='Submitted']")!.TextContent);
        Assert.Equal("4", after.Page.QuerySelector("[data-status='Accepted']")!.TextContent);

        // And the whole page says the same.
        Assert.Equal(expected.Text, after.Text);
    }

    private static async Task CreateUsersAsync(AppFactory app)
    {
        // The first release's demo people are in the file (and not in a test database); the same roles under new names.
        await TestUsers.CreateAsync(app, "f-kikaku", AppRoles.PlanningOffice);
        await TestUsers.CreateAsync(app, "f-shimin", AppRoles.DepartmentEditor, "市民課");
        await TestUsers.CreateAsync(app, "f-joho", AppRoles.DepartmentEditor, "情報システム課");
    }

    /// <summary>The reports of drive.py, entered over HTTP by today's forms.</summary>
    private static async Task EnterReportsAsync(AppFactory app)
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in new[] { "kikaku", "shimin", "joho" })
        {
            clients[user] = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await clients[user].SignInAsync("f-" + user);
        }

        foreach (var (user, plan, action, text, grade, policy) in Steps)
        {
            var client = clients[user];
            var url = $"/plans/{plan}/report";
            HttpResponseMessage response;
            if (action is "save" or "submit")
            {
                response = await client.PostReportAsync(plan, await client.OpenFormAsync(plan, text, grade, policy, action));
            }
            else
            {
                var version = ReportForms.Int((await app.StoredReportAsync(plan))!.Version);
                var fields = new Dictionary<string, string> { ["Version"] = version };
                if (action == "return")
                {
                    fields["Comment"] = text;
                }

                response = await client.PostFormAsync(url, $"{url}/{action}", fields);
            }

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{user} {action} {plan}: {(int)response.StatusCode}");
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    private static async Task<(IDocument Page, string Text)> SummaryAsync(AppFactory app)
    {
        using var client = app.CreateClient();
        await client.SignInAsync("f-kikaku");
        var page = await client.GetDocumentAsync("/summary?year=R6");
        return (page, Normalize(page.QuerySelector("main")!.TextContent));
    }

    private static string Section(IDocument page, string name) =>
        Normalize(page.QuerySelector($"[data-section='{name}']")!.TextContent);

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    private static async Task<string?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
