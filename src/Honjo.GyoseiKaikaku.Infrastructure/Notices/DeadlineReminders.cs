using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Hosting;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Infrastructure.Notices;

/// <summary>
/// Deadline reminders: from N days before an open edition's deadline (<see cref="NoticeOptions.ReminderDaysBefore"/>)
/// and once it has passed, the editors of every department with a report not handed in (未着手・下書き・差戻し) are
/// told which plans. Each report gets each kind of reminder once per deadline, recorded in
/// <see cref="DeadlineReminderRecord"/> (a unique index), so a second run, a restart or a second server sends nothing
/// twice. "Today" is Japan's date on the injected clock.
/// </summary>
public sealed class DeadlineReminders(AppDbContext db, Notifier notifier, TimeProvider clock, IOptions<NoticeOptions> options, ILogger<DeadlineReminders> logger)
{
    /// <summary>Sends what is due today; returns the number of reports reminded about.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        db.ReadAs(ReportAudience.Everything);
        var today = JapanTime.Today(clock);
        var editions = await db.Editions.AsNoTracking()
            .Where(e => e.Status == EditionStatus.Published && e.ReportDeadline != null)
            .ToListAsync(ct);
        var reminded = 0;
        foreach (var edition in editions)
        {
            var deadline = edition.ReportDeadline!.Value;
            NoticeKind kind;
            if (today > deadline)
            {
                kind = NoticeKind.DeadlinePassed;
            }
            else if (today >= deadline.AddDays(-options.Value.ReminderDaysBefore))
            {
                kind = NoticeKind.DeadlineApproaching;
            }
            else
            {
                continue;
            }

            reminded += await RemindAsync(edition, deadline, kind, today, ct);
        }

        return reminded;
    }

    private async Task<int> RemindAsync(BookletEdition edition, DateOnly deadline, NoticeKind kind, DateOnly today, CancellationToken ct)
    {
        var year = edition.Year;
        var plans = await db.Plans.AsNoTracking().InEdition(edition.Id).RunningIn(year)
            .InBookletOrder()
            .Select(p => new
            {
                p.PlanKeyId,
                p.FieldNumber,
                p.Number,
                p.Name,
                Departments = p.ExecutingDepartments.Select(d => d.DepartmentId).ToList(),
                Status = p.Key.YearEndReports.Where(r => r.Year == year).Select(r => (ReportStatus?)r.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var sent = await db.DeadlineReminders.AsNoTracking()
            .Where(r => r.Year == year.Reiwa && r.Kind == kind && r.Deadline == deadline)
            .Select(r => r.PlanKeyId).ToListAsync(ct);
        var due = plans.Where(p => !(p.Status ?? ReportStatus.NotStarted).IsHandedIn() && !sent.Contains(p.PlanKeyId)).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var byUser = new Dictionary<string, (NoticeRecipient Recipient, List<string> Plans)>();
        foreach (var plan in due)
        {
            db.DeadlineReminders.Add(new DeadlineReminderRecord { PlanKeyId = plan.PlanKeyId, Year = year.Reiwa, Kind = kind, Deadline = deadline, SentOn = today });
            foreach (var recipient in await notifier.DepartmentEditorsAsync(plan.Departments, null, ct))
            {
                if (!byUser.TryGetValue(recipient.UserId, out var entry))
                {
                    entry = (recipient, []);
                    byUser[recipient.UserId] = entry;
                }

                entry.Plans.Add($"{plan.FieldNumber}-{plan.Number} {plan.Name}");
            }
        }

        var date = JapanTime.Date(deadline);
        foreach (var (recipient, planLines) in byUser.Values)
        {
            var title = kind == NoticeKind.DeadlinePassed
                ? $"{year.JapaneseName}の年度末報告の提出期限（{date}）を過ぎています"
                : $"{year.JapaneseName}の年度末報告の提出期限は{date}です";
            var body = (kind == NoticeKind.DeadlinePassed ? "次の計画の報告がまだ提出されていません。至急提出してください。" : "次の計画の報告がまだ提出されていません。")
                + "\n" + string.Join("\n", planLines.Select(l => "・" + l));
            notifier.Add([recipient], new NoticeMessage(kind, title, body, "/"));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another server (or run) recorded the same reminders first: it has sent them; this run sends nothing.
            db.ChangeTracker.Clear();
            logger.LogInformation("Deadline reminders for {Edition} were already sent by another run.", edition.EditionName);
            return 0;
        }

        logger.LogInformation("Sent {Kind} reminders for {Count} reports of {Edition}.", kind, due.Count, edition.EditionName);
        return due.Count;
    }
}

/// <summary>Runs <see cref="DeadlineReminders"/> at start and every <see cref="NoticeOptions.ReminderInterval"/>.</summary>
public sealed class DeadlineReminderService(IServiceScopeFactory scopes, IOptions<NoticeOptions> options, ILogger<DeadlineReminderService> logger) : RepeatingService
{
    protected override bool Enabled => options.Value.RemindersEnabled;

    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().RunAsync(stoppingToken);
    }

    protected override void LogFailure(Exception exception) =>
        logger.LogError(MailEvents.OutboxError, exception, "Deadline reminders could not be checked; trying again later.");
}
