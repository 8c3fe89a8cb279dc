using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>The year-end form as a person fills it in, and the stored report as the database holds it.</summary>
public static class ReportForms
{
    public static readonly FiscalYear R6 = new(6);

    /// <summary>The form's fields as the page renders them (Version, Base*), with the given input on top.</summary>
    public static async Task<Dictionary<string, string>> OpenFormAsync(
        this HttpClient client, string planId, string statusReport, string grade, string policy, string command, string? actual = null)
    {
        var page = await client.GetDocumentAsync($"/plans/{planId}/report");
        return FormFrom(page, statusReport, grade, policy, command, actual);
    }

    public static Dictionary<string, string> FormFrom(IDocument page, string statusReport, string grade, string policy, string command, string? actual = null)
    {
        // The form as the browser would post it (hidden Version and Base* included), with the person's input on top.
        var fields = page.FormFields("form.report-form");
        fields["StatusReport"] = statusReport;
        fields["Grade"] = grade;
        fields["NextYearPolicy"] = policy;
        fields["Command"] = command;
        if (actual is not null)
        {
            fields["ActualValue"] = actual;
        }

        return fields;
    }

    public static Task<HttpResponseMessage> PostReportAsync(this HttpClient client, string planId, IDictionary<string, string> fields) =>
        client.PostFormAsync($"/plans/{planId}/report", $"/plans/{planId}/report", fields);

    public static async Task<IDocument> ParseAsync(this HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The Version the report page of <paramref name="planId"/> carries (what the next post must send).</summary>
    public static async Task<int> VersionOnPageAsync(this HttpClient client, string planId) =>
        int.Parse((await client.GetDocumentAsync($"/plans/{planId}/report")).QuerySelector("input[name='Version']")!.GetAttribute("value")!, CultureInfo.InvariantCulture);

    public static string Version(this IDocument page) =>
        page.QuerySelector("form.report-form input[name='Version']")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no report form.");

    /// <summary>A number as a form field carries it (invariant culture).</summary>
#pragma warning disable CA1720 // A short name read in many form dictionaries; it names what it formats.
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
#pragma warning restore CA1720
}
