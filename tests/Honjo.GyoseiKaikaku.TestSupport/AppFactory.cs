using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>
/// The real application over a real SQLite database file of its own, migrated and seeded at start like production.
/// Everything a test may want different (settings, environment, content root, seed, a fake clock, replaced services)
/// is an <see cref="AppOptions"/> field; a subclass is only for behaviour (a fixture's people and data in
/// <c>InitializeAsync</c>, a host the test stops). The password-attempt limits are raised far beyond what a test signs
/// in (a test host signs in hundreds of times); the tests of the limits set their own. A request may name its client
/// address in <see cref="ClientAddressHeader"/>. The application's log is kept in <see cref="Log"/>.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>Test-only: the client address the request appears to come from (the in-memory server has none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public AppFactory()
        : this(new AppOptions())
    {
    }

    /// <summary>An application configured by <paramref name="options"/>; a fixture's subclass passes its options here.</summary>
    protected AppFactory(AppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        DatabasePath = options.DatabasePath ?? NewDatabasePath();
    }

    /// <summary>
    /// An application configured by <paramref name="options"/>, e.g. <c>AppFactory.Create(new() { Environment = "Production" })</c>.
    /// (A static method rather than a public constructor: xUnit needs a fixture type to have one public constructor.)
    /// </summary>
    public static AppFactory Create(AppOptions options) => new(options);

    /// <summary>How this application was configured.</summary>
    public AppOptions Options { get; }

    /// <summary>The SQLite file this application uses; a test may put a database there before the host starts.</summary>
    public string DatabasePath { get; }

    /// <summary>Every log entry the application wrote, for tests of what it logs.</summary>
    public LogCapture Log { get; } = new();

    /// <summary>The application's clock, which the test moves; only when <see cref="AppOptions.Clock"/> was given.</summary>
    public FakeTimeProvider Clock => Options.Clock
        ?? throw new InvalidOperationException("This application runs on the real clock: give it AppOptions.Clock.");

    /// <summary>A fresh path for a SQLite file under the temporary folder.</summary>
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"honjo-test-{Guid.NewGuid():N}.db");

    /// <summary>A client signed in as <paramref name="userName"/> (made beforehand) that does not follow redirects.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(userName);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(Options.Environment);

        // Outside Development the static web assets manifest is not read by default; the tests need the CSS and JS.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath};Pooling=False");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SeedFile", Options.SeedFile ?? RepoPaths.SeedFile);

        // Plain http, as in Development; the production cookie is tested with Security:Session:SecureCookie=true.
        builder.UseSetting("Security:Session:SecureCookie", "false");
        builder.UseSetting("Security:RateLimits:PerClient:PermitLimit", "1000000");
        builder.UseSetting("Security:RateLimits:PerAccount:PermitLimit", "1000000");
        foreach (var (key, value) in Options.Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Options.ContentRoot is { } contentRoot)
        {
            builder.UseContentRoot(contentRoot);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFilter>());
        builder.ConfigureTestServices(services =>
        {
            if (Options.Clock is { } clock)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            }

            Options.TestServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        // The factory's Dispose and DisposeAsync both arrive here.
        base.Dispose(disposing);
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }

        foreach (var folder in Options.TemporaryFolders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Sets the connection's remote address from <see cref="ClientAddressHeader"/>, before the application sees the request.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
