using System.Collections.Concurrent;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>What a booklet export job makes: the edition's plan or results booklet in one format.</summary>
public sealed record BookletExportKey(FiscalYear Year, BookletFormat Format, BookletStage Stage)
{
    public override string ToString() => $"booklet:{Year.Code}:{Stage}:{Format}";
}

public enum ExportJobState
{
    Running,
    Done,
    NotFound,
    Failed,
}

/// <summary>
/// One render of a booklet, shared by everyone who asks for the same booklet while it runs. It runs in a scope of
/// its own, reading as the public does (accepted reports only, as the booklet prints them), so the file does not
/// depend on who asked first; a request that goes away does not cancel it for the others.
/// </summary>
public sealed class ExportJob : IProgress<BookletProgress>
{
    private int _requests = 1;
    private BookletProgress? _progress;

    internal ExportJob(BookletExportKey key, DateTimeOffset started)
    {
        Key = key;
        Started = started;
    }

    public Guid Id { get; } = Guid.NewGuid();

    public BookletExportKey Key { get; }

    public DateTimeOffset Started { get; }

    /// <summary>How many requests have asked for this render (the first included).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public Task<ExportedFile?> Completion { get; internal set; } = Task.FromResult<ExportedFile?>(null);

    public ExportJobState State => Completion.Status switch
    {
        TaskStatus.RanToCompletion => Completion.Result is null ? ExportJobState.NotFound : ExportJobState.Done,
        TaskStatus.Faulted or TaskStatus.Canceled => ExportJobState.Failed,
        _ => ExportJobState.Running,
    };

    /// <summary>The message to show when the job failed: the engine's own for a known cause, else a general one.</summary>
    public string? Error => Completion.Exception?.InnerException switch
    {
        null => null,
        Infrastructure.Pdf.PdfEngineUnavailableException or BookletPaginationException => Completion.Exception.InnerException.Message,
        _ => "冊子の作成中にエラーが発生しました。時間をおいてもう一度お試しください。",
    };

    /// <summary>How far the render has come, as its renderer last told (ADR 0032); null before it tells anything.</summary>
    public BookletProgress? Progress => Volatile.Read(ref _progress);

    /// <summary>The renderer's progress (called from its thread).</summary>
    public void Report(BookletProgress value) => Volatile.Write(ref _progress, value);

    internal void Join() => Interlocked.Increment(ref _requests);
}

/// <summary>
/// Single-flight for booklet exports (ADR 0022): two people asking for the same booklet at the same time get one
/// render and the same file. A finished job is kept for <see cref="KeepFinished"/> so that the person whose page
/// polled it can download it by its id; after that (or once downloaded by everyone who waited) it is forgotten.
/// </summary>
public sealed class ExportJobs(IServiceScopeFactory scopes, TimeProvider time, ILogger<ExportJobs> log)
{
    public static readonly TimeSpan KeepFinished = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<BookletExportKey, ExportJob> _running = new();
    private readonly ConcurrentDictionary<Guid, ExportJob> _byId = new();
    private readonly Lock _gate = new();

    /// <summary>The running render of <paramref name="key"/>, joined, or a new one started.</summary>
    public ExportJob Start(BookletExportKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Forget();
        lock (_gate)
        {
            if (_running.TryGetValue(key, out var running))
            {
                running.Join();
                return running;
            }

            var job = new ExportJob(key, time.GetUtcNow());
            job.Completion = RunAsync(job);
            _running[key] = job;
            _byId[job.Id] = job;
            return job;
        }
    }

    /// <summary>A job started within <see cref="KeepFinished"/>, or null.</summary>
    public ExportJob? Find(Guid id)
    {
        Forget();
        return _byId.TryGetValue(id, out var job) ? job : null;
    }

    /// <summary>Whole seconds since <paramref name="job"/> started.</summary>
    public int SecondsSinceStart(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return (int)(time.GetUtcNow() - job.Started).TotalSeconds;
    }

    /// <summary>The running render of <paramref name="key"/>, or null (for tests and the status page).</summary>
    public ExportJob? Running(BookletExportKey key) => _running.TryGetValue(key, out var job) ? job : null;

    private async Task<ExportedFile?> RunAsync(ExportJob job)
    {
        // Off the request's thread and out of its lock: the render continues whoever stops waiting.
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AppDbContext>().ReadAs(ReportAudience.AcceptedOnly);
            var exports = scope.ServiceProvider.GetRequiredService<BookletExportService>();
            job.Report(new BookletProgress(0, 0, "データを読み込み中"));
            return await exports.BookletAsync(job.Key.Year, job.Key.Format, job.Key.Stage, CancellationToken.None, job);
        }
        catch (Exception e)
        {
            log.LogError(e, "The export {Key} failed.", job.Key);
            throw;
        }
        finally
        {
            lock (_gate)
            {
                _running.TryRemove(new KeyValuePair<BookletExportKey, ExportJob>(job.Key, job));
            }
        }
    }

    private void Forget()
    {
        var now = time.GetUtcNow();
        foreach (var (id, job) in _byId)
        {
            if (job.State != ExportJobState.Running && now - job.Started > KeepFinished)
            {
                _byId.TryRemove(id, out _);
            }
        }
    }
}

/// <summary>The waiting page of an export job (ExportProgress.cshtml).</summary>
public sealed record ExportProgressModel(ExportJob Job, int ElapsedSeconds, string StatusUrl, string FileUrl, string? Error)
{
    /// <summary>"シートを印刷中：120 / 1,008 シート": the step and, once known, the count.</summary>
    public string Text => Job.Progress switch
    {
        null => "冊子を作成しています",
        { Total: 0 } p => p.Step,
        { } p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Step}：{p.Done:N0} / {p.Total:N0} シート"),
    };
}
