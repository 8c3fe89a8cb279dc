using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>
/// The real application over a real SQLite database file of its own, migrated and seeded at start like production.
/// The password-attempt limits are raised far beyond what a test signs in (a test host signs in hundreds of times);
/// the tests of the limits set their own. A request may name its client address in <see cref="ClientAddressHeader"/>.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>Test-only: the client address the request appears to come from (the in-memory server has none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private readonly string _databasePath;

    public AppFactory()
        : this(NewDatabasePath())
    {
    }

    /// <summary>An application on <paramref name="databasePath"/>: two factories on one path are two servers on one database.</summary>
    protected AppFactory(string databasePath)
    {
        _databasePath = databasePath;
    }

    /// <summary>The SQLite file this application uses; a test may put a database there before the host starts.</summary>
    public string DatabasePath => _databasePath;

    protected virtual string EnvironmentName => "Testing";

    /// <summary>A fresh path for a SQLite file under the temporary folder.</summary>
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"honjo-test-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);

        // Outside Development the static web assets manifest is not read by default; the tests need the CSS and JS.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={_databasePath};Pooling=False");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SeedFile", RepoPaths.SeedFile);

        // Plain http, as in Development; the production cookie is tested by a factory that leaves this out.
        builder.UseSetting("Security:Session:SecureCookie", "false");
        builder.UseSetting("Security:RateLimits:PerClient:PermitLimit", "1000000");
        builder.UseSetting("Security:RateLimits:PerAccount:PermitLimit", "1000000");
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFilter>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
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
