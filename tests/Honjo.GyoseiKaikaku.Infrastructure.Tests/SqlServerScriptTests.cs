using System.Text.RegularExpressions;
using Honjo.GyoseiKaikaku.Migrations.SqlServer;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests;

/// <summary>
/// No SQL Server runs here, so the idempotent migration script a DBA applies is parsed batch by batch with Microsoft's
/// own T-SQL parser (SQL Server 2022 grammar): a batch that would not parse fails the build, not the production upgrade.
/// </summary>
public sealed partial class SqlServerScriptTests
{
    /// <summary>The script as <c>dotnet ef migrations script --idempotent</c> writes it, made from the same design-time factory.</summary>
    private static readonly Lazy<string> Script = new(() =>
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    });

    [Fact]
    public void Every_batch_of_the_generated_migration_script_parses_as_TSql()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        var migrations = db.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        var batches = Batches(Script.Value);

        // One batch creates the history table, then one per migration (each in its own transaction).
        Assert.True(migrations.Count >= 12, $"Only {migrations.Count} migrations found.");
        Assert.Equal(migrations.Count + 1, batches.Count);
        Assert.All(migrations, id => Assert.Contains($"N'{id}'", Script.Value, StringComparison.Ordinal));
        var parsed = batches.Select((b, i) => (Index: i, Script: Parse(b, out var errors), Errors: errors)).ToList();
        var failures = parsed.Where(x => x.Errors.Count > 0)
            .Select(x => $"batch {x.Index}: {string.Join("; ", x.Errors.Select(e => $"line {e.Line}: {e.Message}"))}\n{batches[x.Index]}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        var statements = parsed.Sum(x => x.Script.Batches.Sum(b => b.Statements.Count));
        Assert.True(statements > 100, $"Only {statements} statements parsed.");
    }

    [Fact]
    public void The_script_written_by_the_test_command_parses_too()
    {
        // scripts/test.sh writes it before the tests run; on a machine where only the tests run it is absent.
        var path = Path.Combine(RepoPaths.Root, "artifacts", "migrations", "sqlserver.sql");
        if (!File.Exists(path))
        {
            return;
        }

        var batches = Batches(File.ReadAllText(path));

        Assert.Equal(Batches(Script.Value).Count, batches.Count);
        Assert.All(batches, b => Assert.Empty(Errors(b)));
    }

    [Fact]
    public void The_start_up_lock_statement_parses_as_TSql()
    {
        var sql = Data.DatabaseInitializer.SqlServerStartupLock.Replace("{0}", "600000", StringComparison.Ordinal);

        var script = Parse(sql, out var errors);

        Assert.Empty(errors);
        Assert.Equal(3, script.Batches.Single().Statements.Count);
    }

    [Theory]
    [InlineData("CREATE TABLE [Broken] ([Id] int NOT NULL,, [Name] nvarchar(10));")]
    [InlineData("IF NOT EXISTS (SELECT * FROM [__EFMigrationsHistory] WHERE [MigrationId] = N'x')\nBEGIN\n    ALTER TABLE [Plans] ADD [X] int NOT NULL DEFAULT 0\n")]
    [InlineData("UPDATE [Plans] SET [Name] = N'unterminated WHERE [Id] = 1;")]
    public void A_broken_batch_is_refused_by_the_parser(string batch)
    {
        Assert.NotEmpty(Errors(batch));
    }

    private static TSqlScript Parse(string batch, out IList<ParseError> errors) =>
        (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(batch), out errors);

    private static IList<ParseError> Errors(string batch)
    {
        Parse(batch, out var errors);
        return errors;
    }

    /// <summary>The batches between <c>GO</c> lines, as sqlcmd and SSMS send them; empty ones left out.</summary>
    private static List<string> Batches(string script) =>
        GoLine().Split(script).Where(b => !string.IsNullOrWhiteSpace(b)).ToList();

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
