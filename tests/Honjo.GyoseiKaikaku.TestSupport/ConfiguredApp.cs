using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>The application with settings of the test's own on top of <see cref="AppFactory"/>'s, and its log captured.</summary>
public class ConfiguredApp(string databasePath, IReadOnlyDictionary<string, string?> settings) : AppFactory(databasePath)
{
    public ConfiguredApp(IReadOnlyDictionary<string, string?> settings)
        : this(NewDatabasePath(), settings)
    {
    }

    public LogCapture Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }
}
