using Honjo.GyoseiKaikaku.Infrastructure.Hosting;

namespace Honjo.GyoseiKaikaku.Web.Features.Operations;

/// <summary>
/// A start that cannot go on ends with one critical log line saying why (and, for a configuration error, which key
/// to set) and exit code 1, never an unhandled exception.
/// </summary>
public static class StartupFailure
{
    public static readonly EventId Stopped = new(1, "StartupStopped");

    /// <summary>True for anything but the test host's own signal that it has what it needs.</summary>
    public static bool IsFailure(Exception e) => e is not HostAbortedException;

    /// <summary>Before the application exists: a logger made from the same Logging configuration.</summary>
    public static int Report(IConfiguration configuration, Exception e)
    {
        using var loggers = LoggerFactory.Create(l => l.AddConfiguration(configuration.GetSection("Logging")).AddConsole());
        return Report(loggers.CreateLogger("Honjo.GyoseiKaikaku.Startup"), e);
    }

    public static int Report(ILogger logger, Exception e)
    {
        if (e is StartupConfigurationException)
        {
            logger.LogCritical(Stopped, "Start-up stopped: {Reason}", e.Message);
        }
        else
        {
            logger.LogCritical(Stopped, e, "Start-up stopped: {Reason}", e.Message);
        }

        return 1;
    }
}
