using Honjo.GyoseiKaikaku.Infrastructure.Notices;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Notices;

/// <summary>
/// The report workflow's application with R6 published and its mail going to a real SMTP server in process
/// (<see cref="SmtpInbox"/>); every test account has the address <c>name@example.jp</c>.
/// </summary>
public sealed class MailWorkflowFixture : WorkflowFixture
{
    public MailWorkflowFixture()
        : this(new SmtpInbox())
    {
    }

    private MailWorkflowFixture(SmtpInbox inbox)
        : base(new AppOptions { Settings = inbox.Settings })
    {
        Inbox = inbox;
    }

    public SmtpInbox Inbox { get; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.PublishWithStandInPdfAsync(new Domain.Common.FiscalYear(6));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Inbox.Dispose();
        }
    }
}

internal static class NoticeSteps
{
    /// <summary>確認済 (accept), 差戻し (return) or 再開 (reopen) as the report page posts it, with the stored version.</summary>
    public static async Task<HttpResponseMessage> ReviewAsync(this HttpClient client, WebApplicationFactory<Program> app, string plan, string action, string? comment = null, string? extra = null)
    {
        var version = ReportForms.Int((await app.StoredReportAsync(plan))!.Version);
        var fields = new Dictionary<string, string> { ["Version"] = version };
        if (comment is not null)
        {
            fields["Comment"] = comment;
        }

        return await client.PostFormAsync($"/plans/{plan}/report", $"/plans/{plan}/report/{action}{extra}", fields);
    }

    public static Task<HttpResponseMessage> CommentAsync(this HttpClient client, string plan, string body) =>
        client.PostFormAsync($"/plans/{plan}/report", $"/plans/{plan}/report/comments", new Dictionary<string, string> { ["Body"] = body });

    /// <summary>The notices of <paramref name="userName"/>, oldest first, as stored.</summary>
    public static async Task<List<Notice>> NoticesOfAsync(this WebApplicationFactory<Program> app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.Notices.AsNoTracking().Where(n => n.UserId == id).OrderBy(n => n.Id).ToListAsync();
    }

    public static async Task<List<OutboxMail>> OutboxToAsync(this WebApplicationFactory<Program> app, string address)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.Database().OutboxMails.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<List<Domain.Plans.ReportComment>> ThreadAsync(this WebApplicationFactory<Program> app, string plan)
    {
        var n = Domain.Plans.PlanNumber.Parse(plan);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        return await db.ReportComments.AsNoTracking()
            .Where(c => db.PlanKeys.Any(k => k.Id == c.PlanKeyId && k.FieldNumber == n.Field && k.Number == n.Number))
            .OrderBy(c => c.Id).ToListAsync();
    }
}
