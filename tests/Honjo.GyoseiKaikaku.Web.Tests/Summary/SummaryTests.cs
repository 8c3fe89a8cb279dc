using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.TestSupport;
using UglyToad.PdfPig;

namespace Honjo.GyoseiKaikaku.Web.Tests.Summary;

[Collection(SharedReaderApp.Name)]
public sealed partial class SummaryTests(ReaderApp factory)
{
    private readonly HttpClient _client = factory.Client;

    [Fact]
    public async Task A_viewer_sees_the_R5_grades_of_the_50_plans_running_in_R5()
    {
        var page = await _client.GetDocumentAsync("/summary?year=R5");

        Assert.Equal("14", page.QuerySelector("[data-overall='A']")!.TextContent.Trim());
        Assert.Equal("26", page.QuerySelector("[data-overall='B']")!.TextContent.Trim());
        Assert.Equal("10", page.QuerySelector("[data-overall='C']")!.TextContent.Trim());
        Assert.Equal("0", page.QuerySelector("[data-overall='none']")!.TextContent.Trim());
        Assert.Equal("50", page.QuerySelector("[data-overall='total']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Without_a_year_the_latest_year_with_accepted_grades_is_shown()
    {
        var page = await _client.GetDocumentAsync("/summary");

        Assert.Contains("令和5年度", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_split_by_field_matches_the_seed()
    {
        var seed = RepoPaths.ReadSeed();
        var page = await _client.GetDocumentAsync("/summary?year=R5");

        foreach (var field in new[] { 1, 2, 3 })
        {
            var running = seed.Plans
                .Where(p => p.Id.StartsWith($"{field.ToString(CultureInfo.InvariantCulture)}-", StringComparison.Ordinal) && p.StartYear == "R5")
                .ToList();
            var row = page.QuerySelector($"#table-field tr[data-row='field={field.ToString(CultureInfo.InvariantCulture)}']")!;
            foreach (var grade in new[] { "A", "B", "C" })
            {
                var expected = running.Count(p => p.Grades.TryGetValue("R5", out var g) && g == grade);
                Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), row.QuerySelector($"[data-count='{grade}']")!.TextContent.Trim());
            }

            var ungraded = running.Count(p => !p.Grades.ContainsKey("R5"));
            Assert.Equal(ungraded.ToString(CultureInfo.InvariantCulture), row.QuerySelector("[data-count='none']")!.TextContent.Trim());
        }
    }

    [Theory]
    [InlineData("#table-overall", "A")]
    [InlineData("#table-overall", "none")]
    [InlineData("#table-field tr[data-row='field=2']", "B")]
    [InlineData("#table-field tr[data-row='field=3']", "C")]
    [InlineData("#table-perspective tr[data-row='perspective=ActiveIct']", "A")]
    [InlineData("#table-perspective tr[data-row='perspective=ActiveIct']", "total")]
    [InlineData("#table-department tbody tr:first-child", "total")]
    [InlineData("#table-department tbody tr:nth-child(2)", "B")]
    public async Task A_count_links_to_a_list_of_exactly_that_many_plans(string rowSelector, string column)
    {
        var page = await _client.GetDocumentAsync("/summary?year=R5");
        var link = page.QuerySelector($"{rowSelector} [data-count='{column}']")!;

        var list = await _client.GetDocumentAsync(link.GetAttribute("href")!);

        Assert.Equal(int.Parse(link.TextContent.Trim(), CultureInfo.InvariantCulture), list.PlanRows().Count);
    }

    [Fact]
    public async Task Progress_counts_link_to_their_plans()
    {
        var page = await _client.GetDocumentAsync("/summary?year=R5");
        var accepted = page.QuerySelector("[data-status='Accepted']")!;

        var list = await _client.GetDocumentAsync(accepted.GetAttribute("href")!);

        Assert.Equal("50", accepted.TextContent.Trim());
        Assert.Equal(50, list.PlanRows().Count);
    }

    [Fact]
    public async Task The_R6_summary_counts_all_56_plans_as_not_yet_graded_and_compares_with_R5()
    {
        var page = await _client.GetDocumentAsync("/summary?year=R6");

        Assert.Equal("56", page.QuerySelector("[data-overall='none']")!.TextContent.Trim());
        Assert.Equal("0", page.QuerySelector("[data-yoy='improved']")!.TextContent.Trim());
        var list = await _client.GetDocumentAsync(page.QuerySelector("[data-overall='none']")!.GetAttribute("href")!);
        Assert.Equal(56, list.PlanRows().Count);
    }

    [Fact]
    public async Task The_department_split_says_how_shared_plans_are_counted()
    {
        var page = await _client.GetDocumentAsync("/summary?year=R5");

        Assert.Contains("それぞれの課に数えています", page.QuerySelector("[data-note='department']")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/summary?year=R99")]
    [InlineData("/summary?year=abc")]
    [InlineData("/summary.xlsx?year=R4")]
    public async Task A_year_outside_the_outline_is_not_found(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_Excel_export_holds_the_tables_as_numbers()
    {
        var response = await _client.GetAsync(new Uri("/summary.xlsx?year=R5", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());

        var overall = workbook.Worksheet("全体");
        var header = overall.RowsUsed().First(r => r.Cell(2).GetString() == "A").RowNumber();
        Assert.Equal(["A", "B", "C", "未評価", "計"], Enumerable.Range(2, 5).Select(c => overall.Cell(header, c).GetString()));
        Assert.Equal([14.0, 26.0, 10.0, 0.0, 50.0], Enumerable.Range(2, 5).Select(c => overall.Cell(header + 1, c).GetDouble()));
        Assert.Equal(XLDataType.Number, overall.Cell(header + 1, 2).DataType);

        var fields = workbook.Worksheet("改革分野別");
        Assert.Equal(50.0, fields.Column(6).CellsUsed().Where(c => c.DataType == XLDataType.Number).Sum(c => c.GetDouble()));
        Assert.Contains(workbook.Worksheets, s => s.Name == "実行課別");
        Assert.Contains(workbook.Worksheets, s => s.Name == "報告の進捗");
    }

    [Fact]
    public async Task The_PDF_export_is_one_page_with_the_grade_counts()
    {
        var response = await _client.GetAsync(new Uri("/summary.pdf?year=R5", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);

        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(1, pdf.NumberOfPages);
        var text = Spaces().Replace(pdf.GetPage(1).Text, string.Empty);
        Assert.Contains("A14件", text, StringComparison.Ordinal);
        Assert.Contains("B26件", text, StringComparison.Ordinal);
        Assert.Contains("C10件", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
