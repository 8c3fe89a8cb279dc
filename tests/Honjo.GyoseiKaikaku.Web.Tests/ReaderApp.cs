using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Web.Tests;

/// <summary>The application with one signed-in 閲覧 user, for the read-only pages.</summary>
public sealed class ReaderApp : AppFactory, IAsyncLifetime
{
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await TestUsers.CreateAsync(this, "t-reader", AppRoles.Viewer);
        Client = CreateClient();
        await Client.SignInAsync("t-reader");
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
