using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>
/// What the row groups share: the real application over a fresh SQLite database seeded with R6, the R6 booklet, and
/// (built on first use, through the application's own seeding) a second application whose R6 edition holds the
/// 1,008-plan edition of <see cref="LargeEdition"/>. Figures of earlier rows that later rows compare with.
/// </summary>
internal sealed class BenchContext(int warmRuns) : IAsyncDisposable
{
    private BenchApp? _app;
    private BenchApp? _largeApp;

    public int WarmRuns { get; } = warmRuns;

    public DirectoryInfo Work { get; } = Directory.CreateTempSubdirectory("honjo-bench-");

    public BenchApp App => _app ??= new BenchApp(Path.Combine(Work.FullName, "bench.db"), RepoPaths.SeedFile);

    /// <summary>The application over the 1,008-plan edition (seeding it takes a while; it happens once, untimed).</summary>
    public BenchApp LargeApp => _largeApp ??= new BenchApp(LargeDatabase, LargeSeedFile = LargeEdition.WriteSeedFile(Work.FullName));

    /// <summary>The 1,008-plan edition's database (seeded when <see cref="LargeApp"/> first starts) and its seed file.</summary>
    public string LargeDatabase => Path.Combine(Work.FullName, "bench-large.db");

    public string LargeSeedFile { get; private set; } = string.Empty;

    /// <summary>The R6 booklet's PDF, warm, nothing cached (ms); set by <see cref="R6PdfRows"/>.</summary>
    public double R6PdfWarmMs { get; set; }

    /// <summary>The browser's route (the baseline), warm, nothing reusable; 0 when not measured.</summary>
    public double R6ChromiumWarmMs { get; set; }

    /// <summary>The R6 booklet's Excel, as written (for LibreOffice).</summary>
    public byte[] R6Excel { get; set; } = [];

    public static async Task<BookletDocument> ReadR6Async(BenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;
    }

    /// <summary>A service of <paramref name="app"/> from one scope kept for the run (the renderers are scoped).</summary>
    public static T Service<T>(BenchApp app)
        where T : notnull => app.Scoped.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_largeApp is not null)
        {
            await _largeApp.DisposeAsync();
        }

        Work.Delete(recursive: true);
    }
}
