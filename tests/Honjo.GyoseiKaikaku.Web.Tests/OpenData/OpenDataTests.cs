using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.OpenData;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.OpenData;

/// <summary>While R6 is a draft, the open-data page is public but offers nothing, and R6's URLs do not exist.</summary>
public sealed class OpenDataDraftTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task The_open_data_page_is_public_and_lists_no_draft_edition()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync(new Uri("/opendata", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("[data-empty='editions']"));
        Assert.Empty(page.QuerySelectorAll("tr[data-edition]"));
        Assert.Null(page.QuerySelector("a[href='/opendata/R6.csv']"));
    }

    [Theory]
    [InlineData("/opendata/R6.csv")]
    [InlineData("/opendata/R6.json")]
    [InlineData("/opendata/R99.csv")]
    [InlineData("/opendata/nonsense.json")]
    public async Task A_draft_or_unknown_editions_data_is_not_found_even_for_a_signed_in_user(string url)
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var office = await app.SignedInClientAsync(WorkflowFixture.Office);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_and_the_footer_link_to_the_open_data()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var login = await new HtmlParser().ParseDocumentAsync(await anonymous.GetStringAsync(new Uri("/account/login", UriKind.Relative)));

        Assert.NotNull(login.QuerySelector("main a[href='/opendata']"));
        Assert.NotNull(login.QuerySelector("footer a[href='/opendata']"));
    }
}

/// <summary>
/// R6 published and closed, its reports accepted (1-9 on screen), and R7 published with 1-10's R7 report only submitted:
/// R6's open data (the results revision) holds the accepted reports and never the submitted one.
/// </summary>
public sealed class OpenDataPublishedTests(OpenDataFixture app) : IClassFixture<OpenDataFixture>
{
    [Fact]
    public async Task The_page_lists_the_published_edition_with_its_downloads()
    {
        using var anonymous = app.Anonymous();

        var page = await new HtmlParser().ParseDocumentAsync(await anonymous.GetStringAsync(new Uri("/opendata", UriKind.Relative)));

        var row = page.QuerySelector("tr[data-edition='R6']");
        Assert.NotNull(row);
        Assert.NotNull(row.QuerySelector("a[href='/opendata/R6.csv']"));
        Assert.NotNull(row.QuerySelector("a[href='/opendata/R6.json']"));
        Assert.Null(page.QuerySelector("[data-empty='editions']"));
    }

    [Fact]
    public async Task The_csv_is_utf8_with_bom_and_one_row_per_plan_and_year()
    {
        using var anonymous = app.Anonymous();

        var response = await anonymous.GetAsync(new Uri("/opendata/R6.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("edition,plan_id,", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);

        var rows = Csv.Parse(text);
        var header = rows[0];
        var data = rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        Assert.Equal(56 * 5, data.Count);
        Assert.Equal(56, data.Select(r => r["plan_id"]).Distinct().Count());
        Assert.All(data, r => Assert.Equal("R6", r["edition"]));

        var r6 = data.Single(r => r["plan_id"] == "1-9" && r["fiscal_year"] == "R6");
        Assert.Equal("証明書のコンビニ交付件数：16,800件", r6["target"]);
        Assert.Equal("コンビニ交付の普及推進", r6["plan_name"]);
        Assert.Equal("市民課", r6["executing_departments"]);
        Assert.Equal(OpenDataFixture.AcceptedReport, r6["status_report"]);
        Assert.Equal("B", r6["grade"]);
        Assert.Equal(OpenDataFixture.AcceptedPolicy, r6["next_year_policy"]);
        Assert.Equal(("A", OpenDataFixture.SecondGradeReason), (r6["second_grade"], r6["second_grade_reason"]));
        var r5 = data.Single(r => r["plan_id"] == "1-9" && r["fiscal_year"] == "R5");
        Assert.Equal(("A", string.Empty), (r5["grade"], r5["second_grade"]));
    }

    [Fact]
    public async Task The_json_has_every_plan_with_its_years()
    {
        using var anonymous = app.Anonymous();

        var response = await anonymous.GetAsync(new Uri("/opendata/R6.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("コンビニ交付の普及推進", raw, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(raw);
        Assert.Equal("R6", json.RootElement.GetProperty("edition").GetProperty("year").GetString());
        var plans = json.RootElement.GetProperty("plans");
        Assert.Equal(56, plans.GetArrayLength());
        var plan = plans.EnumerateArray().Single(p => p.GetProperty("planId").GetString() == "1-9");
        var years = plan.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(["R5", "R6", "R7", "R8", "R9"], years.Select(y => y.GetProperty("fiscalYear").GetString()));
        Assert.Equal("A", years[0].GetProperty("grade").GetString());
        Assert.Equal("証明書のコンビニ交付件数：16,800件", years[1].GetProperty("target").GetString());
        Assert.Equal(OpenDataFixture.AcceptedReport, years[1].GetProperty("statusReport").GetString());
        Assert.Equal(("B", "A"), (years[1].GetProperty("grade").GetString(), years[1].GetProperty("secondGrade").GetString()));
        Assert.Equal(OpenDataFixture.SecondGradeReason, years[1].GetProperty("secondGradeReason").GetString());
        Assert.Equal(JsonValueKind.Null, years[0].GetProperty("secondGrade").ValueKind);
        Assert.Equal(JsonValueKind.Null, years[2].GetProperty("grade").ValueKind);
    }

    [Fact]
    public async Task A_report_not_accepted_never_appears()
    {
        using var anonymous = app.Anonymous();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();
            var plan = await db.Plans.AsNoTracking().Include(p => p.Key).ThenInclude(k => k.YearEndReports).FirstAsync(p => p.FieldNumber == 1 && p.Number == 10);
            Assert.Equal(ReportStatus.Submitted, plan.ReportFor(new FiscalYear(7))!.Status);
        }

        var csv = Encoding.UTF8.GetString(await anonymous.GetByteArrayAsync(new Uri("/opendata/R6.csv", UriKind.Relative)));
        var json = await anonymous.GetStringAsync(new Uri("/opendata/R6.json", UriKind.Relative));

        foreach (var body in new[] { csv, json })
        {
            Assert.DoesNotContain(OpenDataFixture.UnacceptedReport, body, StringComparison.Ordinal);
            Assert.DoesNotContain(OpenDataFixture.UnacceptedPolicy, body, StringComparison.Ordinal);
        }

        var rows = Csv.Parse(csv.TrimStart('\uFEFF'));
        var header = rows[0];
        var row = rows.Single(r => r[header.IndexOf("plan_id")] == "1-10" && r[header.IndexOf("fiscal_year")] == "R7");
        Assert.Equal(string.Empty, row[header.IndexOf("status_report")]);
        Assert.Equal(string.Empty, row[header.IndexOf("grade")]);
        Assert.Equal(string.Empty, row[header.IndexOf("next_year_policy")]);
    }

    [Fact]
    public async Task The_column_dictionary_describes_every_csv_column()
    {
        using var anonymous = app.Anonymous();

        var header = Csv.Parse(Encoding.UTF8.GetString(await anonymous.GetByteArrayAsync(new Uri("/opendata/R6.csv", UriKind.Relative))).TrimStart('\uFEFF'))[0];
        var columnsBytes = await anonymous.GetByteArrayAsync(new Uri("/opendata/columns.csv", UriKind.Relative));
        var dictionary = Csv.Parse(Encoding.UTF8.GetString(columnsBytes).TrimStart('\uFEFF'));
        var page = await new HtmlParser().ParseDocumentAsync(await anonymous.GetStringAsync(new Uri("/opendata", UriKind.Relative)));

        Assert.Equal(0xEF, columnsBytes[0]);
        Assert.Equal(["key", "name_ja", "type", "example", "description"], dictionary[0]);
        Assert.Equal(header, dictionary.Skip(1).Select(r => r[0]));
        Assert.All(dictionary.Skip(1), r => Assert.All(r, cell => Assert.False(string.IsNullOrWhiteSpace(cell))));
        Assert.Equal(header, page.QuerySelectorAll("tr[data-column]").Select(tr => tr.GetAttribute("data-column")));
    }
}

/// <summary>How one CSV cell is written: RFC 4180 quoting and the formula-injection guard.</summary>
public sealed class CsvTextTests
{
    [Theory]
    [InlineData("市民課", "市民課")]
    [InlineData("16,800件", "\"16,800件\"")]
    [InlineData("\"目標\"を達成", "\"\"\"目標\"\"を達成\"")]
    [InlineData("1行目\n2行目", "\"1行目\n2行目\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("", "")]
    public void A_cell_is_quoted_when_needed_and_never_starts_a_formula(string value, string expected) =>
        Assert.Equal(expected, CsvText.Field(value));
}

/// <summary>An application where R6 is published, 1-9's R6 report is accepted and 1-10's is only submitted.</summary>
public sealed class OpenDataFixture : AppFactory, IAsyncLifetime
{
    public const string AcceptedReport = "交付件数は17,000件、\"目標\"を達成。\n周知を継続。";
    public const string AcceptedPolicy = "窓口でも案内します。";
    public const string SecondGradeReason = "企画課の二次評価の理由：交付件数は目標を上回る";
    public const string UnacceptedReport = "未受理の報告：公開してはならない文章";
    public const string UnacceptedPolicy = "未受理の方針（改善策を含む）：公開してはならない文章";

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task InitializeAsync()
    {
        await TestUsers.CreateAsync(this, WorkflowFixture.Office, AppRoles.PlanningOffice);
        await TestUsers.CreateAsync(this, WorkflowFixture.Shimin, AppRoles.DepartmentEditor, "市民課");
        using var shimin = await SignedInAsync(WorkflowFixture.Shimin);
        using var office = await SignedInAsync(WorkflowFixture.Office);

        // R6 reports are entered once R6 is published, and reach the open data when the year is closed (実績の確定).
        var r6 = new FiscalYear(6);
        await this.PublishWithStandInPdfAsync(r6);
        await shimin.SubmitReportAsync("1-9", AcceptedReport, "B", AcceptedPolicy, r6);
        var accept = await office.PostFormAsync("/plans/1-9/report", "/plans/1-9/report/accept", new Dictionary<string, string>
        {
            ["Version"] = await VersionAsync(1, 9),
            ["SecondGrade"] = "A",
            ["SecondGradeReason"] = SecondGradeReason,
        });
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        await this.AcceptEveryReportAsync(r6);

        // R7 is made and published; 1-10's R7 report is submitted and never accepted.
        var preview = await new HtmlParser().ParseDocumentAsync(await office.GetStringAsync(new Uri("/booklets/R6/next", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", preview.FormFields("form.report-form"))).StatusCode);
        await this.PublishWithStandInPdfAsync(new FiscalYear(7));
        await shimin.SubmitReportAsync("1-10", UnacceptedReport, "C", UnacceptedPolicy, new FiscalYear(7));

        await this.CloseWithStandInPdfAsync(r6);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = Anonymous();
        await client.SignInAsync(userName);
        return client;
    }

    private async Task<string> VersionAsync(int field, int number)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var plan = await db.Plans.AsNoTracking().Include(p => p.Key).ThenInclude(k => k.YearEndReports).SingleAsync(p => p.FieldNumber == field && p.Number == number);
        return plan.ReportFor(new FiscalYear(6))!.Version.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>A strict RFC 4180 reader for the tests: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else if (c is '\r' or '\n' or '"')
            {
                throw new FormatException($"Unquoted '{c}' at {i}: records must end in CRLF and quotes must be quoted.");
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.True(row.Count == 0 && field.Length == 0, "The CSV must end with CRLF.");
        return rows;
    }
}

/// <summary>The open data is frozen at 公表 like the booklets: a later edit does not change what was published.</summary>
public sealed class OpenDataFreezeTests(OpenDataFixture app) : IClassFixture<OpenDataFixture>
{
    [Fact]
    public async Task Csv_and_json_stay_as_published_after_a_later_edit()
    {
        using var anonymous = app.Anonymous();
        var csv = await anonymous.GetAsync(new Uri("/opendata/R6.csv", UriKind.Relative));
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        var json = await anonymous.GetByteArrayAsync(new Uri("/opendata/R6.json", UriKind.Relative));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(csvBytes)), csv.Headers.GetValues("X-Content-SHA256").Single());

        // The plan itself is fixed after 公表; a report accepted later (R7's: R6 is closed) would change live data, not what was published.
        await app.AcceptReportDirectlyAsync("1-9", new Domain.Common.FiscalYear(7), "公表後に付けた別の名前");

        var csvAfter = await anonymous.GetByteArrayAsync(new Uri("/opendata/R6.csv", UriKind.Relative));
        Assert.Equal(csvBytes, csvAfter);
        Assert.Equal(json, await anonymous.GetByteArrayAsync(new Uri("/opendata/R6.json", UriKind.Relative)));
        Assert.Contains("職員による橋梁定期点検", Encoding.UTF8.GetString(csvAfter), StringComparison.Ordinal);
        Assert.DoesNotContain("公表後に付けた別の名前", Encoding.UTF8.GetString(csvAfter), StringComparison.Ordinal);
    }
}
