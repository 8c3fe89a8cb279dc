using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf;
using Honjo.GyoseiKaikaku.TestSupport;
using Honjo.GyoseiKaikaku.Web.Features.Booklets;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>
/// A booklet above <c>Pdf:LargeDocumentSheets</c> prints for memory (ADR 0035): runs of at most 32 sheets, one at a
/// time, the browser pages closed afterwards; an ordinary booklet (R6) prints exactly as before.
/// </summary>
public sealed class BookletPrintPlanTests
{
    [Fact]
    public void An_ordinary_booklet_keeps_its_runs_and_both_cores_a_large_one_prints_short_runs_one_at_a_time()
    {
        Assert.Equal(new BookletPrintPlan(64, false, false), BookletPrintPlan.For(56, 128));
        Assert.Equal(new BookletPrintPlan(64, false, false), BookletPrintPlan.For(128, 128));
        Assert.Equal(new BookletPrintPlan(32, true, true), BookletPrintPlan.For(129, 128));
        Assert.Equal(new BookletPrintPlan(32, true, true), BookletPrintPlan.For(1008, 128));
    }

    [Fact]
    public void A_large_booklets_parts_and_runs_hold_at_most_32_sheets_and_cover_every_sheet_in_order()
    {
        var large = new List<BookletPart> { new(true, 0, 0, 1) };
        large.AddRange(Enumerable.Range(0, 32).Select(i => new BookletPart(false, i * 32, Math.Min(32, 1008 - (i * 32)), 29 + (i * 32))));

        var runs = BookletPdfRenderer.Runs(large, [.. Enumerable.Range(0, large.Count)], 32);

        Assert.All(runs, run => Assert.True(run.Sum(i => large[i].SheetCount) <= 32));
        Assert.Equal(Enumerable.Range(0, large.Count), runs.SelectMany(r => r));

        // The same parts under the ordinary limit go two to a run.
        Assert.Contains(BookletPdfRenderer.Runs(large, [.. Enumerable.Range(0, large.Count)]), run => run.Count == 2);
    }

    [Fact]
    public async Task One_at_a_time_never_prints_two_runs_together_and_all_at_once_starts_every_run()
    {
        IReadOnlyList<IReadOnlyList<int>> runs = [[0, 1], [2], [3, 4]];
        foreach (var oneAtATime in new[] { true, false })
        {
            var plan = new BookletPrintPlan(32, oneAtATime, oneAtATime);
            var (inFlight, most, started) = (0, 0, new List<int>());
            var gate = new TaskCompletionSource();
            var printing = plan.ForEachRunAsync(runs, async run =>
            {
                lock (started)
                {
                    started.Add(run[0]);
                    most = Math.Max(most, ++inFlight);
                }

                await (oneAtATime ? Task.Delay(10) : gate.Task);
                lock (started)
                {
                    inFlight--;
                }
            });
            if (!oneAtATime)
            {
                // Every run has started before any may finish.
                Assert.Equal([0, 2, 3], started.Order());
                gate.SetResult();
            }

            await printing;
            Assert.Equal(oneAtATime ? 1 : 3, most);
            Assert.Equal([0, 2, 3], started);
        }
    }

    [Fact]
    public async Task A_large_booklet_prints_one_run_at_a_time_reads_as_paginated_and_the_engine_prints_again_after_closing_its_pages()
    {
        using var app = AppFactory.Create(new() { Settings = new Dictionary<string, string?>
        {
            // The 80-plan booklet stands for a large edition here (the rule's limit lowered), so the test stays quick.
            ["Pdf:LargeDocumentSheets"] = "64",
            ["Pdf:BookletEngine"] = "Chromium",
            ["Logging:LogLevel:Honjo.GyoseiKaikaku.Web.Features.Booklets"] = "Information",
            ["Logging:LogLevel:Honjo.GyoseiKaikaku.Infrastructure.Pdf"] = "Information",
        } });
        await using var scope = app.Services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<IBookletPdfRenderer>();
        var r6 = (await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;
        var booklet = LargerBooklets.Enlarge(r6, 36, 26, 18);

        var bytes = await renderer.RenderAsync(booklet, default);

        var print = app.Log.Records.Last(r => r.Category == typeof(BookletPdfRenderer).FullName && r["Runs"] is not null);
        Assert.Equal("True", print["OneAtATime"]);
        var parts = BookletPdfRenderer.Parts(booklet, 32);
        Assert.Equal(parts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), print["Parts"]);
        Assert.Equal(
            BookletPdfRenderer.Runs(parts, [.. Enumerable.Range(0, parts.Count)], 32).Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            print["Runs"]);
        Assert.Contains(app.Log.Records, r => r.Category == typeof(ChromiumPdfEngine).FullName && r["Pages"] is { } pages && pages != "0");
        LargerBookletPdfTests.AssertPrintedAsPaginated(booklet, bytes);

        // Its pages closed, the engine opens new ones: R6 (an ordinary booklet) prints in two runs and reads as before.
        var again = await renderer.RenderAsync(r6, default);
        var r6Print = app.Log.Records.Last(r => r.Category == typeof(BookletPdfRenderer).FullName && r["Runs"] is not null);
        Assert.Equal(("False", "2"), (r6Print["OneAtATime"], r6Print["Runs"]));
        Assert.Empty(BookletText.DifferingPages(BookletText.R6Baseline(), BookletText.PerPage(again)));
    }
}
