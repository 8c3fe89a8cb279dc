using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.Notices;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Honjo.GyoseiKaikaku.Web.Tests.Notices;

/// <summary>
/// Deadline reminders on a fake clock: N days before the deadline and once it has passed, to the editors of the
/// departments whose reports are not handed in, each once per report and deadline, by mail through a real SMTP server.
/// </summary>
public sealed class DeadlineReminderTests : IDisposable
{
    private static readonly DateOnly Deadline = new(2025, 5, 29);

    private readonly SmtpInbox _inbox = new();

    public void Dispose() => _inbox.Dispose();

    [Fact]
    public async Task Reminders_go_n_days_before_and_after_the_deadline_once_per_report_to_departments_not_handed_in()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 5, 20, 0, 0, 0, TimeSpan.Zero));
        using var app = AppFactory.Create(new AppOptions
        {
            Clock = clock,
            Settings = new Dictionary<string, string?>(_inbox.Settings)
            {
                ["Notices:ReminderDaysBefore"] = "5",
                ["Notices:RemindersEnabled"] = "false",
            },
        });
        await TestUsers.CreateAsync(app, "d-shimin", AppRoles.DepartmentEditor, "市民課");
        await TestUsers.CreateAsync(app, "d-joho", AppRoles.DepartmentEditor, "情報システム課");
        await TestUsers.CreateAsync(app, "d-kikaku", AppRoles.PlanningOffice);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();
            (await db.Editions.SingleAsync()).SetReportDeadline(Deadline);
            await db.SaveChangesAsync();
        }

        await app.PublishWithStandInPdfAsync(new Domain.Common.FiscalYear(6));

        // 情報システム課 hands in both of its reports (1-4, 2-18); 市民課 hands in 1-10 only, 1-9 stays a draft.
        using (var joho = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            await joho.SignInAsync("d-joho");
            await joho.SubmitReportAsync("1-4");
            await joho.SubmitReportAsync("2-18");
        }

        using (var shimin = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            await shimin.SignInAsync("d-shimin");
            await shimin.SubmitReportAsync("1-10");
            await shimin.PostReportAsync("1-9", await shimin.OpenFormAsync("1-9", "途中です。", "", "", "save"));
        }

        // 2025-05-20 in Japan (9 days before): nothing yet.
        Assert.Equal(0, await RunAsync(app));

        // 2025-05-24 09:00 in Japan, 5 days before: every report not handed in is reminded about (departments without
        // editors too, so that none is reminded later); 市民課 is told about 1-9 only; 情報システム課 and 企画課 nothing.
        clock.SetUtcNow(new DateTimeOffset(2025, 5, 24, 0, 0, 0, TimeSpan.Zero));
        var notHandedIn = await NotHandedInAsync(app);
        Assert.Equal(notHandedIn, await RunAsync(app));
        var approaching = Assert.Single(await app.NoticesOfAsync("d-shimin"), n => n.Kind == NoticeKind.DeadlineApproaching);
        Assert.Contains("2025年5月29日", approaching.Title, StringComparison.Ordinal);
        Assert.Contains("1-9", approaching.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("1-10", approaching.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.NoticesOfAsync("d-joho"), n => n.Kind is NoticeKind.DeadlineApproaching or NoticeKind.DeadlinePassed);
        Assert.DoesNotContain(await app.NoticesOfAsync("d-kikaku"), n => n.Kind is NoticeKind.DeadlineApproaching or NoticeKind.DeadlinePassed);
        Assert.Contains("1-9", (await _inbox.WaitForAsync("d-shimin@example.jp", "提出期限は")).TextBody, StringComparison.Ordinal);

        // Later the same day and on the next days before the deadline: not again.
        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await RunAsync(app));
        clock.SetUtcNow(new DateTimeOffset(2025, 5, 28, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync(app));

        // The day after the deadline (Japan time: 2025-05-29 15:00 UTC is 05-30 00:00 JST): the late reminder, once.
        clock.SetUtcNow(new DateTimeOffset(2025, 5, 29, 14, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync(app));
        clock.SetUtcNow(new DateTimeOffset(2025, 5, 29, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(notHandedIn, await RunAsync(app));
        Assert.Equal(0, await RunAsync(app));
        var late = Assert.Single(await app.NoticesOfAsync("d-shimin"), n => n.Kind == NoticeKind.DeadlinePassed);
        Assert.Contains("過ぎています", late.Title, StringComparison.Ordinal);
        await _inbox.WaitForAsync("d-shimin@example.jp", "過ぎています");

        // What was sent is recorded per report, kind and deadline.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.Database();
            var records = await db.DeadlineReminders.AsNoTracking().ToListAsync();
            Assert.Equal(2 * notHandedIn, records.Count);
            Assert.All(records, r => Assert.Equal(Deadline, r.Deadline));
            var key19 = await db.PlanKeys.Where(k => k.FieldNumber == 1 && k.Number == 9).Select(k => k.Id).SingleAsync();
            var key110 = await db.PlanKeys.Where(k => k.FieldNumber == 1 && k.Number == 10).Select(k => k.Id).SingleAsync();
            Assert.Equal(
                new[] { (NoticeKind.DeadlineApproaching, new DateOnly(2025, 5, 24)), (NoticeKind.DeadlinePassed, new DateOnly(2025, 5, 30)) },
                records.Where(r => r.PlanKeyId == key19).OrderBy(r => r.Id).Select(r => (r.Kind, r.SentOn)));
            Assert.DoesNotContain(records, r => r.PlanKeyId == key110);
        }

        Assert.Single(_inbox.To("d-shimin@example.jp"), m => (m.Subject ?? "").Contains("提出期限は", StringComparison.Ordinal));
    }

    /// <summary>The R6 reports not submitted or accepted.</summary>
    private static async Task<int> NotHandedInAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var r6 = new Domain.Common.FiscalYear(6);
        var edition = await db.Editions.SingleAsync(e => e.Year == r6);
        var running = await db.Plans.InEdition(edition.Id).RunningIn(r6).CountAsync();
        var handedIn = await db.YearEndReports.CountAsync(r => r.Year == r6 && (r.Status == Domain.Plans.ReportStatus.Submitted || r.Status == Domain.Plans.ReportStatus.Accepted));
        Assert.Equal(3, handedIn);
        return running - handedIn;
    }

    private static async Task<int> RunAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().RunAsync(CancellationToken.None);
    }
}
