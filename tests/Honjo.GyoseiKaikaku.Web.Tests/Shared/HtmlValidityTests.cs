using System.Diagnostics;
using System.Text.RegularExpressions;
using Honjo.GyoseiKaikaku.TestSupport;
using Honjo.GyoseiKaikaku.Web.Tests.Council;

namespace Honjo.GyoseiKaikaku.Web.Tests.Shared;

/// <summary>
/// Every page type passes the W3C HTML checker (vnu.jar from npm, in tools/vnu; scripts/test.sh installs it and the Java
/// runtime it needs). ADR 0025.
/// </summary>
public sealed partial class HtmlValidityTests(PublishedWorkflowFixture app) : IClassFixture<PublishedWorkflowFixture>
{
    private static readonly string Checker = Path.Combine(TestSupport.RepoPaths.Root, "tools", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    [Fact]
    public async Task Every_page_type_is_valid_HTML()
    {
        Assert.True(File.Exists(Checker), $"The HTML checker is not installed ({Checker}). Run scripts/test.sh, or: npm ci --prefix tools/vnu --ignore-scripts");
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);
        var shimin = await app.SignedInClientAsync(WorkflowFixture.Shimin);
        var anonymous = app.CreateClient();
        var departments = await office.GetStringAsync(new Uri("/departments", UriKind.Relative));
        var department = DepartmentLink().Match(departments).Value;
        var member = await app.SignedInClientAsync(WorkflowFixture.Member);
        var draft = (await member.WriteOpinionAsync("1-9", "HTML確認用の下書き", "save")).OpinionId();
        var submitted = (await member.WriteOpinionAsync(null, "HTML確認用の意見")).OpinionId();
        var pages = new List<(HttpClient Client, string Url)>
        {
            (anonymous, "/account/login"),
            (anonymous, "/opendata"),
            (office, "/plans"),
            (office, "/plans?q=%E4%BA%A4%E4%BB%98&field=1"),
            (office, "/plans/1-9"),
            (office, "/plans/1-9/history"),
            (office, "/plans/1-9/edit"),
            (office, "/plans/1-9/edit?correction=1"),
            (office, "/plans/1-9/report"),
            (office, "/departments"),
            (office, department),
            (office, "/summary"),
            (office, "/booklets"),
            (office, "/booklets/R6/changes"),
            (office, "/booklets/R6/next"),
            (office, "/progress"),
            (office, "/admin/users"),
            (office, "/admin/users/new"),
            (office, "/admin/audit"),
            (office, "/account/password"),
            (office, "/plans/9-99"),
            (office, "/plans/1-9/period"),
            (office, "/summary/period"),
            (office, "/"),
            (office, "/notices"),
            (office, "/notices/settings"),
            (shimin, "/"),
            (shimin, "/my/plans"),
            (shimin, "/plans/1-10/report"),
            (member, "/council"),
            (member, "/council/R6/opinions/new"),
            (member, "/plans/1-9/council"),
            (member, $"/council/opinions/{draft}"),
            (office, "/council"),
            (office, $"/council/opinions/{submitted}"),
        };

        var folder = Directory.CreateTempSubdirectory("honjo-vnu-");
        try
        {
            foreach (var (client, url) in pages)
            {
                var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode == 404, $"{url}: {(int)response.StatusCode}");
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, FileName().Replace(url, "_").Trim('_') + ".html"), html);
            }

            var (exitCode, output) = await RunCheckerAsync(folder.FullName);
            Assert.True(exitCode == 0 && output.Trim().Length == 0, "The HTML checker found errors:\n" + output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunCheckerAsync(string folder)
    {
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-jar", Checker, "--errors-only", "--format", "gnu", "--skip-non-html", folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    [GeneratedRegex("/departments/[0-9]+")]
    private static partial Regex DepartmentLink();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex FileName();
}
