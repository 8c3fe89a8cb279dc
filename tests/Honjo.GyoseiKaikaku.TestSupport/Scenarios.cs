using System.Net;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>
/// Scenario seeding: say what the test needs ("a plan 市民課 executes with a numeric target", "a submitted report on
/// it", "R6 published", "every report accepted") instead of depending on which department owns 1-9. Plans are found
/// in the seed by what they are (<see cref="Plans"/>); reports are entered through the real report form
/// (<see cref="SubmitReportAsync"/>) or, where a test needs many as its starting point, through the domain
/// (<see cref="AcceptEveryReportAsync"/>); the year's milestones are in <see cref="Milestones"/>.
/// </summary>
public static class Scenarios
{
    /// <summary>The plans of <paramref name="app"/>'s seed, to be narrowed: <c>await app.Plans().ExecutedBy("市民課").WithNumericTarget().FirstAsync()</c>.</summary>
    public static PlanQuery Plans(this WebApplicationFactory<Program> app) => new(app, new FiscalYear(6), [], []);

    /// <summary>
    /// 提出 of <paramref name="planId"/>'s report for <paramref name="year"/> (R6 by default) as its department does it:
    /// the report page's form as the browser posts it (version and base values included) with this input. Fails the
    /// test unless the report is submitted. Department entry opens at 計画の公表 (<see cref="Milestones"/>).
    /// </summary>
    public static async Task SubmitReportAsync(
        this HttpClient department, string planId, string text = "取組を進めました。", string grade = "B", string policy = "次年度も続けます。",
        FiscalYear? year = null, string? actual = null, string? gradeExplanation = null)
    {
        ArgumentNullException.ThrowIfNull(department);
        var url = year is { } y ? $"/plans/{planId}/report?year={y.Code}" : $"/plans/{planId}/report";
        var form = ReportForms.FormFrom(await department.GetDocumentAsync(url), text, grade, policy, "submit", actual);
        if (gradeExplanation is not null)
        {
            form["GradeExplanation"] = gradeExplanation;
        }

        var response = await department.PostFormAsync(url, url, form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Submitting {planId} {year?.Code ?? "R6"}: {(int)response.StatusCode}");
    }

    /// <summary>
    /// 確認済 of <paramref name="planId"/>'s submitted report for <paramref name="year"/> by the 企画課, as the report
    /// page's accept button posts it. Fails the test unless it is accepted.
    /// </summary>
    public static async Task AcceptReportAsync(this HttpClient office, string planId, FiscalYear? year = null)
    {
        ArgumentNullException.ThrowIfNull(office);
        var query = year is { } y ? $"?year={y.Code}" : string.Empty;
        var url = $"/plans/{planId}/report{query}";
        var version = (await office.GetDocumentAsync(url)).QuerySelector("form[action*='/accept'] input[name='Version']")!.GetAttribute("value")!;
        var response = await office.PostFormAsync(url, $"/plans/{planId}/report/accept{query}", new Dictionary<string, string> { ["Version"] = version });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Accepting {planId} {year?.Code ?? "R6"}: {(int)response.StatusCode}");
    }

    /// <summary>
    /// Every report of <paramref name="year"/>'s running plans in its edition that is not accepted yet: entered
    /// ("{plan}の報告", B, 方針), submitted and accepted through the domain in one save — the starting point of tests
    /// about 実績の確定 and what follows, not the thing they test.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="year">The year whose reports are accepted, in its own edition.</param>
    /// <param name="text">The 取組状況 of each plan's report ("1-9" → text); "{plan}の報告" when null.</param>
    public static async Task AcceptEveryReportAsync(this WebApplicationFactory<Program> app, FiscalYear year, Func<string, string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var actor = new ReportActor("test", "テスト", IsPlanningOffice: true, IsPlanDepartmentEditor: false);
        var plans = await db.Plans.Where(p => p.Edition!.Year == year).RunningIn(year)
            .Include(p => p.Edition).Include(p => p.Key).ThenInclude(k => k.YearEndReports).ToListAsync();
        foreach (var plan in plans)
        {
            var report = plan.ReportForOrCreate(year);
            if (report.Status != ReportStatus.Accepted)
            {
                var id = plan.PlanNumber.ToString();
                report.SaveDraft(actor, text?.Invoke(id) ?? $"{id}の報告", EvaluationGrade.B, "方針", null);
                report.Submit(actor, DateTimeOffset.UtcNow);
                report.Accept(actor, DateTimeOffset.UtcNow);
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// <paramref name="planId"/>'s report for <paramref name="year"/> (in that year's edition) entered, submitted and
    /// accepted through the domain, as the 企画課 would end up with it: for tests about what an acceptance changes
    /// afterwards (published files stay as they were), not about the acceptance itself.
    /// </summary>
    public static async Task AcceptReportDirectlyAsync(
        this WebApplicationFactory<Program> app, string planId, FiscalYear year, string text, EvaluationGrade grade = EvaluationGrade.A)
    {
        ArgumentNullException.ThrowIfNull(app);
        var n = PlanNumber.Parse(planId);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var plan = await db.Plans.Include(p => p.Edition).Include(p => p.Key).ThenInclude(k => k.YearEndReports)
            .SingleAsync(p => p.FieldNumber == n.Field && p.Number == n.Number && p.Edition!.Year == year);
        var actor = new ReportActor("t", "テスト", IsPlanningOffice: true, IsPlanDepartmentEditor: false);
        var report = plan.ReportForOrCreate(year);
        report.SaveDraft(actor, text, grade, "方針", null);
        report.Submit(actor, DateTimeOffset.UtcNow);
        report.Accept(actor, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}

/// <summary>
/// The plans of one edition narrowed by what a test needs of them; immutable, so a query can be kept and narrowed
/// again. The answer is a plan id as the pages use it ("1-9"), in 目次 order.
/// </summary>
public sealed record PlanQuery(
    WebApplicationFactory<Program> App, FiscalYear Edition, IReadOnlyList<Func<Plan, bool>> Conditions, IReadOnlyList<string> Excluded)
{
    /// <summary>The plans of <paramref name="year"/>'s edition (R6 by default).</summary>
    public PlanQuery In(FiscalYear year) => this with { Edition = year };

    /// <summary>Plans <paramref name="department"/> is an executing department (実行課) of.</summary>
    public PlanQuery ExecutedBy(string department) => Where(p => p.ExecutingDepartments.Any(d => d.Department.Name == department));

    /// <summary>Plans <paramref name="department"/> has no part in as an executing department (so it may not see their drafts).</summary>
    public PlanQuery NotExecutedBy(string department) => Where(p => p.ExecutingDepartments.All(d => d.Department.Name != department));

    /// <summary>Plans whose target for the edition's year is a number (「16,800件」), so a 実績値 is asked for.</summary>
    public PlanQuery WithNumericTarget() => Where(p => p.QuantityFor(Edition) is not null);

    /// <summary>Plans whose target for the edition's year is words only (no 実績値).</summary>
    public PlanQuery WithoutNumericTarget() => Where(p => p.QuantityFor(Edition) is null);

    /// <summary>Plans running in the edition's year (a report is due for them).</summary>
    public PlanQuery Running() => Where(p => p.IsRunningIn(Edition));

    /// <summary>Not these plans (another plan of the same kind than one the test already uses).</summary>
    public PlanQuery Except(params string[] planIds) => this with { Excluded = [.. Excluded, .. planIds] };

    public PlanQuery Where(Func<Plan, bool> condition) => this with { Conditions = [.. Conditions, condition] };

    /// <summary>The first such plan's id; fails when the seed has none.</summary>
    public async Task<string> FirstAsync() =>
        await AllAsync() is [var first, ..] ? first : throw new InvalidOperationException($"No plan in {Edition.Code} matches the scenario.");

    /// <summary>Every such plan's id, in 目次 order.</summary>
    public async Task<IReadOnlyList<string>> AllAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var edition = Edition;
        var plans = await scope.ServiceProvider.Database().Plans.AsNoTracking()
            .Where(p => p.Edition!.Year == edition)
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.YearTargets)
            .OrderBy(p => p.FieldNumber).ThenBy(p => p.Number)
            .ToListAsync();
        return plans.Where(p => Conditions.All(c => c(p)))
            .Select(p => p.PlanNumber.ToString())
            .Where(id => !Excluded.Contains(id))
            .ToList();
    }
}
