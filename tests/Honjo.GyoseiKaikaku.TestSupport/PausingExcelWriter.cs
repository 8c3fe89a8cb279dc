using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Infrastructure.Booklets;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>
/// The real Excel writer, telling its real progress, held after its first sheets until the test lets it go: a
/// render that is visibly part-way when the test looks (ADR 0032).
/// </summary>
public sealed class PausingExcelWriter : IBookletExcelWriter
{
    private readonly ExcelBookletWriter _real = new();
    private int _renders;

    public int Renders => Volatile.Read(ref _renders);

    public TaskCompletionSource Paused { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SemaphoreSlim Release { get; } = new(0);

    public void Reset() => Paused = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public byte[] Write(BookletDocument booklet) => Write(booklet, null);

    public byte[] Write(BookletDocument booklet, IProgress<BookletProgress>? progress)
    {
        Interlocked.Increment(ref _renders);
        var paused = false;
        return _real.Write(booklet, new Pause(value =>
        {
            progress?.Report(value);
            if (!paused && value.Done > 0)
            {
                paused = true;
                Paused.TrySetResult();
                if (!Release.Wait(TimeSpan.FromMinutes(2)))
                {
                    throw new TimeoutException("The test never released the render.");
                }
            }
        }));
    }

    private sealed class Pause(Action<BookletProgress> report) : IProgress<BookletProgress>
    {
        public void Report(BookletProgress value) => report(value);
    }
}
