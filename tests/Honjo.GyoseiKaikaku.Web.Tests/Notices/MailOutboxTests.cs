using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Infrastructure.Notices;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Honjo.GyoseiKaikaku.Web.Tests.Notices;

/// <summary>
/// The outbox against a real SMTP server: a mail survives a restart and is sent once, a failing server is retried with
/// a growing wait and logged, and without a host nothing is queued.
/// </summary>
public sealed class MailOutboxTests
{
    private const string OfficeMail = "o-kikaku@example.jp";

    [Fact]
    public async Task A_mail_queued_before_a_restart_is_sent_once_by_the_next_start_and_never_again()
    {
        using var inbox = new SmtpInbox();
        var path = AppFactory.NewDatabasePath();

        // First server: the mail host points at the inbox, but the outbox is looked at only once an hour (at start,
        // before anything is queued): the server stops with the mail still queued.
        var slow = new Dictionary<string, string?>(inbox.Settings) { ["Mail:Outbox:PollInterval"] = "01:00:00" };
        using var first = new StoppableApp(path, slow);
        await SubmitAsync(first);
        var queued = Assert.Single(await first.OutboxToAsync(OfficeMail));
        Assert.Null(queued.SentAt);
        await first.StopAsync();
        Assert.Empty(inbox.Messages);

        // Second server on the same database: sends every queued mail once, then stops.
        using var second = new StoppableApp(path, inbox.Settings);
        _ = second.Services;
        Assert.Contains("提出されました", (await inbox.WaitForAsync(OfficeMail, "1-9")).Subject, StringComparison.Ordinal);
        await WaitUntilAsync(async () =>
        {
            await using var scope = second.Services.CreateAsyncScope();
            return await scope.ServiceProvider.Database().OutboxMails.AllAsync(m => m.SentAt != null);
        });
        await second.StopAsync();

        // Third start: nothing left to send, nothing sent again.
        using var third = new StoppableApp(path, inbox.Settings);
        await using (var scope = third.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));
        }

        Assert.Single(inbox.To(OfficeMail));
        Assert.Single(inbox.To("o-shimin@example.jp"));
    }

    [Fact]
    public async Task A_failing_smtp_server_is_retried_with_a_growing_wait_and_logged_and_the_mail_arrives_once_it_is_back()
    {
        using var inbox = new SmtpInbox();
        inbox.Stop();
        using var app = AppFactory.Create(new() { Settings = inbox.Settings });

        await SubmitAsync(app);

        // Refused connections: each attempt is counted, logged as a warning, and the next one waits longer.
        await WaitUntilAsync(async () => (await app.OutboxToAsync(OfficeMail)).Single().Attempts >= 2);
        var failing = (await app.OutboxToAsync(OfficeMail)).Single();
        Assert.Null(failing.SentAt);
        Assert.False(string.IsNullOrEmpty(failing.LastError));
        Assert.Contains(app.Log.Records, r => r.EventId.Id == MailEvents.Failed.Id && r.Message.Contains(OfficeMail, StringComparison.Ordinal));

        inbox.Restart();
        await inbox.WaitForAsync(OfficeMail, "1-9");
        await WaitUntilAsync(async () => (await app.OutboxToAsync(OfficeMail)).Single().SentAt is not null);
        Assert.Single(inbox.To(OfficeMail));
    }

    [Fact]
    public void The_wait_doubles_after_each_failure_up_to_the_maximum()
    {
        var options = new OutboxOptions { RetryBase = TimeSpan.FromMinutes(1), RetryMax = TimeSpan.FromMinutes(10) };

        Assert.Equal(
            new[] { 1, 2, 4, 8, 10, 10 }.Select(m => TimeSpan.FromMinutes(m)),
            Enumerable.Range(1, 6).Select(failures => OutboxSender.Backoff(options, failures)));
    }

    [Fact]
    public async Task A_mail_the_server_keeps_refusing_is_given_up_after_the_last_attempt_and_logged_as_an_error()
    {
        using var inbox = new SmtpInbox();
        inbox.Stop();
        using var app = AppFactory.Create(new() { Settings = new Dictionary<string, string?>(inbox.Settings) { ["Mail:Outbox:MaxAttempts"] = "2" } });

        await SubmitAsync(app);

        await WaitUntilAsync(async () => (await app.OutboxToAsync(OfficeMail)).Single().FailedAt is not null);
        Assert.Equal(2, (await app.OutboxToAsync(OfficeMail)).Single().Attempts);
        Assert.Contains(app.Log.Records, r => r.EventId.Id == MailEvents.GaveUp.Id);
    }

    [Fact]
    public async Task Without_a_mail_host_notices_stay_in_the_app_and_nothing_is_queued()
    {
        using var app = new AppFactory();

        await SubmitAsync(app);

        Assert.Contains(await app.NoticesOfAsync("o-kikaku"), n => n.Kind == NoticeKind.ReportSubmitted);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.Database().OutboxMails.ToListAsync());
    }

    /// <summary>o-shimin submits 1-9 (R6 published first); o-kikaku is the 企画課 to be told.</summary>
    private static async Task SubmitAsync(AppFactory app)
    {
        await TestUsers.CreateAsync(app, "o-kikaku", AppRoles.PlanningOffice);
        await TestUsers.CreateAsync(app, "o-shimin", AppRoles.DepartmentEditor, "市民課");
        await app.PublishWithStandInPdfAsync(new Domain.Common.FiscalYear(6));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync("o-shimin");
        await client.SubmitReportAsync("1-9");
    }

    /// <summary>An application whose host can be stopped (its background services end) while its database stays.</summary>
    private sealed class StoppableApp(string path, IReadOnlyDictionary<string, string?> settings) : AppFactory(new AppOptions { DatabasePath = path, Settings = settings })
    {
        private IHost? _host;

        public Task StopAsync() => _host!.StopAsync();

        protected override IHost CreateHost(IHostBuilder builder)
        {
            _host = base.CreateHost(builder);
            return _host;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The outbox did not reach the expected state within a minute.");
    }
}
