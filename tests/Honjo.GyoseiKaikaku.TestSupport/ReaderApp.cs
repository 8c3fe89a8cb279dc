using Honjo.GyoseiKaikaku.Infrastructure.Identity;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>
/// The application with one signed-in 閲覧 user (<see cref="Client"/>), for the read-only pages; shared by the classes of
/// the collection SharedReaderApp in Web.Tests. A subclass may configure the application (<see cref="AppOptions"/>).
/// </summary>
public class ReaderApp : AppFactory, IAsyncLifetime
{
    public ReaderApp()
        : this(new AppOptions())
    {
    }

    protected ReaderApp(AppOptions options)
        : base(options)
    {
    }

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await TestUsers.CreateAsync(this, "t-reader", AppRoles.Viewer);
        Client = CreateClient();
        await Client.SignInAsync("t-reader");
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
