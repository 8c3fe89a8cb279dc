using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>
/// The real application over a real SQLite database file of its own, migrated and seeded at start like production.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"honjo-test-{Guid.NewGuid():N}.db");

    /// <summary>The SQLite file this application uses; a test may put a database there before the host starts.</summary>
    public string DatabasePath => _databasePath;

    protected virtual string EnvironmentName => "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);

        // Outside Development the static web assets manifest is not read by default; the tests need the CSS and JS.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={_databasePath};Pooling=False");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SeedFile", RepoPaths.SeedFile);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
