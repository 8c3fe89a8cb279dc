using System.Net;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Authorization;

/// <summary>
/// Every endpoint that changes plan data, for each kind of person, on their own department's plan and on another's.
/// A refusal is a 403 and leaves the database exactly as it was.
/// </summary>
public sealed class AuthorizationMatrixTests : IClassFixture<PublishedWorkflowFixture>
{
    private readonly PublishedWorkflowFixture _app;

    public AuthorizationMatrixTests(PublishedWorkflowFixture app) => _app = app;

    public static TheoryData<string, string, string, bool> Matrix => new()
    {
        // user, action, plan, allowed
        { WorkflowFixture.Shimin, "save", "1-10", true },
        { WorkflowFixture.Shimin, "save", "1-2", false },
        { WorkflowFixture.Joho, "save", "1-15", false },
        { WorkflowFixture.Reader, "save", "1-11", false },
        { WorkflowFixture.Office, "save", "1-12", true },
        { WorkflowFixture.Shimin, "accept", "1-10", false },
        { WorkflowFixture.Reader, "accept", "1-10", false },
        { WorkflowFixture.Shimin, "return", "1-10", false },
        { WorkflowFixture.Reader, "return", "1-10", false },
        { WorkflowFixture.Shimin, "reopen", "1-10", false },
        { WorkflowFixture.Shimin, "edit-plan", "1-10", false },
        { WorkflowFixture.Joho, "edit-plan", "1-4", false },
        { WorkflowFixture.Reader, "edit-plan", "1-10", false },
        { WorkflowFixture.Shimin, "correct-plan", "1-10", false },
        { WorkflowFixture.Reader, "correct-plan", "1-10", false },
        { WorkflowFixture.Shimin, "correct-report", "1-10", false },
        { WorkflowFixture.Reader, "correct-report", "1-10", false },

        // R6 is published: the 企画課 changes a plan only by a 訂正 with a reason.
        { WorkflowFixture.Office, "correct-plan", "3-12", true },
        { WorkflowFixture.Shimin, "deadline", "1-10", false },
        { WorkflowFixture.Reader, "deadline", "1-10", false },
        { WorkflowFixture.Office, "deadline", "1-10", true },

        // A 審議会委員 reads and writes opinions (CouncilAccessTests); every other change is refused.
        { WorkflowFixture.Member, "save", "1-10", false },
        { WorkflowFixture.Member, "accept", "1-10", false },
        { WorkflowFixture.Member, "return", "1-10", false },
        { WorkflowFixture.Member, "reopen", "1-10", false },
        { WorkflowFixture.Member, "comment", "1-10", false },
        { WorkflowFixture.Member, "edit-plan", "1-10", false },
        { WorkflowFixture.Member, "correct-plan", "1-10", false },
        { WorkflowFixture.Member, "correct-report", "1-10", false },
        { WorkflowFixture.Member, "deadline", "1-10", false },
        { WorkflowFixture.Member, "close", "1-10", false },
        { WorkflowFixture.Member, "next", "1-10", false },
        { WorkflowFixture.Member, "new-plan", "1-10", false },
        { WorkflowFixture.Member, "end-plan", "1-10", false },
        { WorkflowFixture.Member, "create-user", "1-10", false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_change_what(string user, string action, string planId, bool allowed)
    {
        var client = await _app.SignedInClientAsync(user);
        var before = await _app.SnapshotAsync();

        var (url, fields) = action switch
        {
            "save" => ($"/plans/{planId}/report", new Dictionary<string, string> { ["Version"] = "0", ["StatusReport"] = $"{user}の報告", ["Grade"] = "B", ["NextYearPolicy"] = "方針", ["Command"] = "save" }),
            "accept" or "return" or "reopen" => ($"/plans/{planId}/report/{action}", new Dictionary<string, string> { ["Version"] = "0", ["Comment"] = "理由" }),
            "edit-plan" => ($"/plans/{planId}/edit", new Dictionary<string, string> { ["Version"] = "0", ["Name"] = "改名された計画", ["StartYear"] = "R6", ["TargetYear"] = "R9", ["Perspective"] = "BetterFuture" }),
            "correct-plan" => ($"/plans/{planId}/edit?correction=1", new Dictionary<string, string> { ["Version"] = "0", ["Name"] = "改名された計画", ["CorrectionReason"] = "誤記の訂正" }),
            "correct-report" => ($"/plans/{planId}/report/correct", new Dictionary<string, string> { ["Version"] = "0", ["StatusReport"] = "訂正", ["Grade"] = "A", ["NextYearPolicy"] = "方針", ["Reason"] = "誤記の訂正" }),
            "deadline" => ("/progress/deadline", new Dictionary<string, string> { ["Deadline"] = "2025-05-31" }),
            "comment" => ($"/plans/{planId}/report/comments", new Dictionary<string, string> { ["Body"] = "委員の書き込み" }),
            "close" => ("/booklets/R6/close", new Dictionary<string, string>()),
            "next" => ("/booklets/R6/next", new Dictionary<string, string>()),
            "new-plan" => ("/plans/new?year=R6", new Dictionary<string, string> { ["Name"] = "委員の計画", ["Field"] = "1" }),
            "end-plan" => ($"/plans/{planId}/end?year=R6", new Dictionary<string, string> { ["Kind"] = "Abolished", ["Reason"] = "理由" }),
            "create-user" => ("/admin/users/new", new Dictionary<string, string> { ["UserName"] = "made.by.member", ["DisplayName"] = "x", ["Role"] = "PlanningOffice", ["Password"] = TestUsers.Password }),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        if (allowed && action == "correct-plan")
        {
            // The whole 訂正 form as the page renders it, with one change and its reason.
            fields = (await client.GetDocumentAsync(url)).FormFields("form.report-form");
            fields["Name"] = "改名された計画";
            fields["CorrectionReason"] = "計画名の誤記の訂正";
        }

        var response = await client.PostFormAsync("/account/password", url, fields);

        if (allowed)
        {
            // Allowed means done: the change is in the database, not merely "not refused".
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{user} {action} {planId}: {(int)response.StatusCode}");
            Assert.Equal(Expected(user, action), await StoredAsync(action, planId));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(before, await _app.SnapshotAsync());
        }
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        var client = await _app.SignedInClientAsync(WorkflowFixture.Shimin);

        var response = await client.PostAsync(new Uri("/plans/1-10/report", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "0", ["StatusReport"] = "x", ["Command"] = "save" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Expected(string user, string action) => action switch
    {
        "save" => $"{user}の報告",
        "edit-plan" or "correct-plan" => "改名された計画",
        "deadline" => "2025-05-31",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The value the action changes: the R6 report's text, the plan's name or the deadline.</summary>
    private async Task<string?> StoredAsync(string action, string planId)
    {
        var number = Domain.Plans.PlanNumber.Parse(planId);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var plan = db.Plans.Where(p => p.FieldNumber == number.Field && p.Number == number.Number);
        return action switch
        {
            "save" => await db.YearEndReports.Where(r => r.Year == new Domain.Common.FiscalYear(6) && plan.Any(p => p.PlanKeyId == r.PlanKeyId)).Select(r => r.StatusReport).SingleOrDefaultAsync(),
            "edit-plan" or "correct-plan" => await plan.Select(p => p.Name).SingleAsync(),
            "deadline" => (await db.Editions.Select(e => e.ReportDeadline).FirstAsync())?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
