using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Honjo.GyoseiKaikaku.Web.Tests.Upgrades;

/// <summary>Today's application started on a copy of a database that an earlier version wrote (see Fixtures/upgrade).</summary>
public sealed class UpgradedDatabaseApp : AppFactory, IAsyncLifetime
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "upgrade");

    public UpgradedDatabaseApp()
    {
        using var source = new GZipStream(File.OpenRead(Path.Combine(Folder, "r6-single-edition.db.gz")), CompressionMode.Decompress);
        using var target = File.Create(DatabasePath);
        source.CopyTo(target);
    }

    public static JsonElement Before { get; } = ReadBefore();

    public async Task InitializeAsync()
    {
        // The earlier version's people (kikaku, shimin, kanri) are in the file; the test signs in as new ones in the same roles.
        await TestUsers.CreateAsync(this, "u-kikaku", AppRoles.PlanningOffice);
        await TestUsers.CreateAsync(this, "u-shimin", AppRoles.DepartmentEditor, "市民課");
        await TestUsers.CreateAsync(this, "u-kanri", AppRoles.Viewer);
    }

    public async Task<HttpClient> ClientAsync(string? user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null)
        {
            await client.SignInAsync("u-" + user);
        }

        return client;
    }

    private static JsonElement ReadBefore()
    {
        using var stream = new GZipStream(File.OpenRead(Path.Combine(Folder, "r6-single-edition.pages.json.gz")), CompressionMode.Decompress);
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// A database from before plan versions is migrated without loss: every sheet, report, history row, list and summary
/// reads as the earlier version served it, and the published files are the same bytes.
/// </summary>
public sealed class DatabaseUpgradeTests(UpgradedDatabaseApp app) : IClassFixture<UpgradedDatabaseApp>
{
    private static readonly HtmlParser Parser = new();

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var page in UpgradedDatabaseApp.Before.GetProperty("pages").EnumerateObject())
        {
            data.Add(page.Name);
        }

        return data;
    }

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in UpgradedDatabaseApp.Before.GetProperty("files").EnumerateObject())
        {
            data.Add(file.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_reads_as_before_the_upgrade(string key)
    {
        var (user, url) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var before = Parser.ParseDocument(UpgradedDatabaseApp.Before.GetProperty("pages").GetProperty(key).GetString()!);
        var client = await app.ClientAsync(user == "anonymous" ? null : user);

        var after = await client.GetDocumentAsync(url);

        var expected = Extract(url, before);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Extract(url, after));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Published_files_are_served_as_the_same_bytes(string url)
    {
        var expected = UpgradedDatabaseApp.Before.GetProperty("files").GetProperty(url);
        var client = await app.ClientAsync(url.StartsWith("/opendata", StringComparison.Ordinal) ? null : "kikaku");

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(expected.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(expected.GetProperty("header").GetString(), response.Headers.GetValues("X-Content-SHA256").Single());
    }

    /// <summary>What a page says about the data, independent of markup that may change on purpose.</summary>
    private static List<string> Extract(string url, IDocument page)
    {
        var path = url.Split('?')[0];
        if (Regex.IsMatch(path, @"^/plans/\d+-\d+$"))
        {
            return page.QuerySelectorAll("[data-cell]").Select(c => $"{c.GetAttribute("data-cell")}={Text(c)}").ToList();
        }

        if (path.EndsWith("/report", StringComparison.Ordinal))
        {
            var form = page.QuerySelector("form.report-form");
            var fields = form is not null
                ? new[]
                {
                    Text(form.QuerySelector("#StatusReport")),
                    form.QuerySelector("input[name='Grade'][checked]")?.GetAttribute("value") ?? string.Empty,
                    Text(form.QuerySelector("#NextYearPolicy")),
                    form.QuerySelector("#ActualValue")?.GetAttribute("value") ?? string.Empty,
                }
                : page.QuerySelectorAll("[data-field]").Select(Text).ToArray();
            return [$"status={page.QuerySelector("[data-status]")?.GetAttribute("data-status")}", .. fields,
                $"comment={Text(page.QuerySelector("[data-review-comment] .prewrap"))}"];
        }

        if (path.EndsWith("/history", StringComparison.Ordinal))
        {
            return page.QuerySelectorAll("table.history tbody tr").Select(Text).ToList();
        }

        if (path is "/plans" or "/my/plans" or "/progress")
        {
            // The 目次's 終了 column is left out: it changed on purpose (blank while a plan runs, as in the source).
            return page.QuerySelectorAll("tr[data-plan]")
                .Select(tr => $"{tr.GetAttribute("data-plan")}|{tr.GetAttribute("data-status")}|{Text(tr.QuerySelector("td:nth-child(2)"))}|{Text(tr.QuerySelector(".toc__grade"))}")
                .Concat(page.QuerySelectorAll("[data-count]").Select(c => $"{c.GetAttribute("data-count")}={Text(c)}"))
                .ToList();
        }

        if (path == "/summary")
        {
            // The 二次評価 section (ADR 0028) is new: the database before the upgrade had nothing of it to compare.
            return page.QuerySelectorAll("table.summary-table").Where(t => t.Closest("[data-section='second-grades']") is null).Select(Text).ToList();
        }

        throw new InvalidOperationException($"No extraction for {url}.");
    }

    private static string Text(IElement? element) =>
        element is null ? string.Empty : Regex.Replace(element.TextContent, @"\s+", " ").Trim();
}
