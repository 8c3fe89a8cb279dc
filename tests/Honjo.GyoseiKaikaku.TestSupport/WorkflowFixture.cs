using System.Net;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>One application with the five kinds of people the rules distinguish; the seed's R6 edition is a draft (案).</summary>
public class WorkflowFixture : AppFactory, IAsyncLifetime
{
    public const string Office = "t-kikaku";
    public const string Shimin = "t-shimin";
    public const string Joho = "t-joho";
    public const string Reader = "t-kanri";
    public const string Member = "t-iin";

    public WorkflowFixture()
        : this(new AppOptions())
    {
    }

    /// <summary>The same people on an application configured by <paramref name="options"/> (a subclass's settings).</summary>
    protected WorkflowFixture(AppOptions options)
        : base(options)
    {
    }

    public virtual async Task InitializeAsync()
    {
        await TestUsers.CreateAsync(this, Office, AppRoles.PlanningOffice);
        await TestUsers.CreateAsync(this, Shimin, AppRoles.DepartmentEditor, "市民課");
        await TestUsers.CreateAsync(this, Joho, AppRoles.DepartmentEditor, "情報システム課");
        await TestUsers.CreateAsync(this, Reader, AppRoles.Viewer);
        await TestUsers.CreateAsync(this, Member, AppRoles.CouncilMember);
    }

    /// <summary>計画の公表 of <paramref name="year"/> by the 企画課, as on the 冊子 page; fails the test unless it is published.</summary>
    public async Task PublishAsync(string year)
    {
        using var office = await SignedInClientAsync(Office);
        var response = await office.PostFormAsync("/booklets", $"/booklets/{year}/publish", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = Services.CreateAsyncScope();
        var code = Domain.Common.FiscalYear.Parse(year);
        Assert.NotEqual(EditionStatus.Draft, (await scope.ServiceProvider.Database().Editions.SingleAsync(e => e.Year == code)).Status);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// The same application with R6 published (計画の公表) at start: department entry of the R6 reports opens at 計画の公表,
/// so every test that enters an R6 report starts here. The stored PDF is a stand-in (<see cref="Milestones"/>).
/// </summary>
public sealed class PublishedWorkflowFixture : WorkflowFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.PublishWithStandInPdfAsync(new Domain.Common.FiscalYear(6));
    }
}
