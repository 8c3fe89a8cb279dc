using Microsoft.Extensions.Hosting;

namespace Honjo.GyoseiKaikaku.Infrastructure.Hosting;

/// <summary>
/// A background job run at start and then every <see cref="Interval"/> while the application runs (the mail outbox,
/// the deadline reminders). A failed run is logged and tried again after the interval; stopping the application ends
/// the loop, also in the middle of a run or a wait.
/// </summary>
public abstract class RepeatingService : BackgroundService
{
    /// <summary>False: the job does not run at all (not configured, or switched off).</summary>
    protected abstract bool Enabled { get; }

    /// <summary>The wait after each run, read again before each wait.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One run of the job.</summary>
    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    /// <summary>Logs a run that failed; the job tries again after the interval.</summary>
    protected abstract void LogFailure(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailure(e);
            }

            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
