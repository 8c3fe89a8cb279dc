using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests;

/// <summary>The year-end form as a person fills it in, and the stored report as the database holds it.</summary>
internal static class ReportForms
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

    /// <summary>The stored report of <paramref name="planId"/> for <paramref name="year"/> (R6 by default), or null.</summary>
    public static async Task<YearEndReport?> StoredReportAsync(this WebApplicationFactory<Program> app, string planId, FiscalYear? year = null)
    {
        var n = PlanNumber.Parse(planId);
        var y = year ?? R6;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        return await db.YearEndReports.AsNoTracking()
            .Where(r => r.Year == y && db.PlanKeys.Any(p => p.Id == r.PlanKeyId && p.FieldNumber == n.Field && p.Number == n.Number))
            .SingleOrDefaultAsync();
    }

    public static string Version(this IDocument page) =>
        page.QuerySelector("form.report-form input[name='Version']")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no report form.");

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
