using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Honjo.GyoseiKaikaku.Web.Tests;

/// <summary>One application with the four kinds of people the rules distinguish.</summary>
public sealed class WorkflowFixture : AppFactory, IAsyncLifetime
{
    public const string Office = "t-kikaku";
    public const string Shimin = "t-shimin";
    public const string Joho = "t-joho";
    public const string Reader = "t-kanri";

    public async Task InitializeAsync()
    {
        await TestUsers.CreateAsync(this, Office, AppRoles.PlanningOffice);
        await TestUsers.CreateAsync(this, Shimin, AppRoles.DepartmentEditor, "市民課");
        await TestUsers.CreateAsync(this, Joho, AppRoles.DepartmentEditor, "情報システム課");
        await TestUsers.CreateAsync(this, Reader, AppRoles.Viewer);
    }

    /// <summary>A client signed in as <paramref name="userName"/> that does not follow redirects.</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(userName);
        return client;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
