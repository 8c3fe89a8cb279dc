using System.Net;
using Honjo.GyoseiKaikaku.Domain.Council;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Council;

/// <summary>
/// The seed carried to R7: R6 published (計画の公表), R7 made from it and still a draft (案) — the state in which the
/// 審議会 reviews R6 — with a second 審議会委員 besides the people of <see cref="WorkflowFixture"/>.
/// </summary>
public sealed class CouncilFixture : WorkflowFixture
{
    public const string OtherMember = "t-iin2";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await TestUsers.CreateAsync(this, OtherMember, AppRoles.CouncilMember);
        await this.PublishWithStandInPdfAsync(new Domain.Common.FiscalYear(6));
        using var office = await SignedInClientAsync(Office);
        var preview = await office.GetDocumentAsync("/booklets/R6/next");
        var created = await office.PostFormAsync("/booklets/R6/next", "/booklets/R6/next", preview.FormFields("form.report-form"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }
}

/// <summary>Posting the council's forms as a person would, through the real pipeline.</summary>
internal static class CouncilForms
{
    /// <summary>A member's new opinion on R6 (<paramref name="planId"/> null: general); returns the response (a redirect to the opinion when saved).</summary>
    public static Task<HttpResponseMessage> WriteOpinionAsync(this HttpClient client, string? planId, string body, string command = "submit", string year = "R6") =>
        client.PostFormAsync("/account/password", $"/council/{year}/opinions", new Dictionary<string, string>
        {
            ["PlanId"] = planId ?? string.Empty, ["Body"] = body, ["Command"] = command,
        });

    /// <summary>The id of the opinion a successful post redirected to.</summary>
    public static long OpinionId(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/council/opinions/", location, StringComparison.Ordinal);
        return long.Parse(location["/council/opinions/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, long id, string action, IDictionary<string, string> fields) =>
        client.PostFormAsync("/account/password", $"/council/opinions/{id}/{action}", fields);

    public static async Task<CouncilOpinion> OpinionAsync(this WorkflowFixture app, long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.Database().CouncilOpinions.AsNoTracking().Include(o => o.Departments).SingleAsync(o => o.Id == id);
    }

    public static async Task<string> VersionAsync(this WorkflowFixture app, long id) =>
        (await app.OpinionAsync(id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
