using System.Text.RegularExpressions;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Data.Sqlite;

namespace Honjo.GyoseiKaikaku.Web.Tests.Upgrades;

/// <summary>
/// A database whose targets were written before the NumericTargets migration upgrades with its targets' numbers
/// read: /summary counts the same numeric targets as a freshly seeded database, without any plan being saved again.
/// The old database is a seeded one with NumericTargets taken out (its columns dropped, its history row deleted): the
/// upgrade then adds the columns empty, exactly as it does on a first-release database. (Migrating down to the first
/// release instead is not possible: a later migration's Down fails on a foreign key.)
/// <see cref="FirstReleaseUpgradeTests"/> does the same with a database the first release really wrote, reports included.
/// </summary>
public sealed partial class NumericTargetUpgradeTests
{
    [Fact]
    public async Task A_database_from_before_numeric_targets_shows_the_same_summary_as_a_fresh_one()
    {
        using var fresh = new AppFactory();
        await TestUsers.CreateAsync(fresh, "n-kanri", AppRoles.Viewer);
        var oldPath = AppFactory.NewDatabasePath();
        await CopyAsync(fresh.DatabasePath, oldPath);
        await TakeOutNumericTargetsAsync(oldPath);
        Assert.DoesNotContain("TargetValue", await ColumnsAsync(oldPath, "PlanYearTargets"));

        using var upgraded = AppFactory.Create(new() { DatabasePath = oldPath });
        var before = await SummaryAsync(fresh);
        var after = await SummaryAsync(upgraded);

        Assert.Contains(upgraded.Log.Records, r => r.Message.StartsWith("Filled the numeric values of the targets", StringComparison.Ordinal));
        Assert.Matches(@"数値で読める目標 [1-9]\d*件", before);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Filling_the_numbers_is_done_once_and_changes_nothing_on_the_next_start()
    {
        var path = AppFactory.NewDatabasePath();
        using var first = AppFactory.Create(new() { DatabasePath = path });
        _ = first.Services;
        using var second = AppFactory.Create(new() { DatabasePath = path });

        _ = second.Services;

        Assert.DoesNotContain(first.Log.Records, r => r.Message.StartsWith("Filled the numeric values", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Log.Records, r => r.Message.StartsWith("Filled the numeric values", StringComparison.Ordinal));
    }

    private static async Task<string> SummaryAsync(AppFactory app)
    {
        var client = app.CreateClient();
        await client.SignInAsync("n-kanri");
        var page = await client.GetDocumentAsync("/summary?year=R6");
        return Whitespace().Replace(page.QuerySelector("main")!.TextContent, " ").Trim();
    }

    /// <summary>A consistent copy of a live SQLite database (its WAL included).</summary>
    private static async Task CopyAsync(string from, string to)
    {
        await using var connection = new SqliteConnection($"Data Source={from};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", to);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The database as it was before NumericTargets: without its columns and without its history row.</summary>
    private static async Task TakeOutNumericTargetsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            ALTER TABLE "PlanYearTargets" DROP COLUMN "TargetValue";
            ALTER TABLE "PlanYearTargets" DROP COLUMN "TargetUnit";
            ALTER TABLE "PlanYearTargets" DROP COLUMN "TargetDirection";
            ALTER TABLE "YearEndReports" DROP COLUMN "ActualValue";
            DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%\_NumericTargets' ESCAPE '\';
            """;
        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }

    private static async Task<List<string>> ColumnsAsync(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
