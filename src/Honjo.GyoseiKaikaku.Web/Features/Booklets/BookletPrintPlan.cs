namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>
/// How a booklet's print runs go (ADR 0035). A booklet of up to <c>Pdf:LargeDocumentSheets</c> sheets (R6: 56) prints
/// as before: runs of at most <see cref="SheetsPerRun"/> sheets, one per core at once, the browser pages kept open for
/// the next render. A larger one (the 1,008-plan edition) is bound by memory, not by the cores: it prints in runs of
/// at most <see cref="LargeSheetsPerRun"/> sheets, one run at a time (one browser page, so one renderer's memory
/// instead of two), and its browser pages are closed once it has printed, before the merge, so their renderers'
/// grown memory goes back to the system rather than staying beside the merge and the next export.
/// </summary>
public sealed record BookletPrintPlan(int MaxSheetsPerRun, bool OneRunAtATime, bool ReleasePagesAfter)
{
    /// <summary>At most this many sheets in one print run of an ordinary booklet (ADR 0031).</summary>
    public const int SheetsPerRun = 64;

    /// <summary>At most this many sheets in one print run (and one part) of a large booklet.</summary>
    public const int LargeSheetsPerRun = 32;

    /// <summary>The plan for a booklet of <paramref name="sheets"/> sheets, large above <paramref name="largeAbove"/>.</summary>
    public static BookletPrintPlan For(int sheets, int largeAbove) =>
        sheets > largeAbove ? new(LargeSheetsPerRun, OneRunAtATime: true, ReleasePagesAfter: true) : new(SheetsPerRun, OneRunAtATime: false, ReleasePagesAfter: false);

    /// <summary>Runs <paramref name="print"/> for each run: one at a time, or all at once (the engine caps how many print together).</summary>
    public async Task ForEachRunAsync(IReadOnlyList<IReadOnlyList<int>> runs, Func<IReadOnlyList<int>, Task> print)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(print);
        if (!OneRunAtATime)
        {
            await Task.WhenAll(runs.Select(print));
            return;
        }

        foreach (var run in runs)
        {
            await print(run);
        }
    }
}
