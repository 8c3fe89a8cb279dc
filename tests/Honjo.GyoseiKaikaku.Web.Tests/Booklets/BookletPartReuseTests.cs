using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Honjo.GyoseiKaikaku.Web.Features.Booklets;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Booklets;

/// <summary>
/// The booklet prints in parts and reuses a part whose HTML it printed before (ADR 0021): after one sheet changed,
/// only that sheet's part prints again, and the merged PDF reads as a full print would. Parts not reusable print in
/// as few runs as keep both cores busy and are cut back into parts (ADR 0030).
/// </summary>
public sealed class BookletPartReuseTests
{
    [Fact]
    public async Task After_one_sheet_changed_only_its_part_prints_again_and_the_booklet_reads_right()
    {
        using var app = AppFactory.Create(new() { Settings = new Dictionary<string, string?>
        {
            ["Pdf:BookletEngine"] = "Chromium",
            ["Logging:LogLevel:Honjo.GyoseiKaikaku.Web.Features.Booklets"] = "Information",
        } });
        await using var scope = app.Services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<IBookletPdfRenderer>();
        var booklet = (await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;
        var changedNumber = PlanNumber.Parse("2-5");
        var changed = booklet with
        {
            Fields = booklet.Fields.Select(f => f with
            {
                Sheets = f.Sheets.Select(s => s.Number == changedNumber ? s with { Remarks = [.. s.Remarks, "部品の再利用を確かめる一文"] } : s).ToList(),
            }).ToList(),
        };

        var full = await renderer.RenderAsync(booklet, default);
        var first = LastPrint(app);
        var runs = LastRuns(app);
        var again = await renderer.RenderAsync(changed, default);
        var second = LastPrint(app);

        var parts = BookletPdfRenderer.Parts(booklet).Count;
        Assert.Equal((parts, 0), first);
        Assert.Equal((parts, parts - 1), second);

        // Printed in two runs (ADR 0030), each cut back into its parts: the second render reused them.
        Assert.Equal(2, runs);
        Assert.Equal(1, LastRuns(app));
        var page = changed.Sheets.Single(s => s.Number == changedNumber).Page;
        var baseline = BookletText.R6Baseline();
        Assert.Empty(BookletText.DifferingPages(baseline, BookletText.PerPage(full)));
        var text = BookletText.PerPage(again);
        Assert.Equal([page], BookletText.DifferingPages(baseline, text));
        Assert.Contains("部品の再利用を確かめる一文", text[page - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Parts_to_print_go_in_runs_of_consecutive_parts_one_per_core_at_most_128_sheets_each()
    {
        BookletPart Sheets(int start, int count) => new(false, start, count, 4 + start);
        var r6 = new List<BookletPart> { new(true, 0, 0, 1) };
        r6.AddRange(Enumerable.Range(0, 14).Select(i => Sheets(i * 4, 4)));

        // Nothing reusable: two runs of consecutive parts.
        Assert.Equal([[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14]], BookletPdfRenderer.Runs(r6, [.. Enumerable.Range(0, 15)]));

        // One part changed: it prints alone; parts apart never share a run.
        Assert.Equal([[5]], BookletPdfRenderer.Runs(r6, [5]));
        Assert.Equal([[2], [9, 10]], BookletPdfRenderer.Runs(r6, [2, 9, 10]));

        // A large edition: no run holds more than 128 sheets.
        var large = new List<BookletPart> { new(true, 0, 0, 1) };
        large.AddRange(Enumerable.Range(0, 16).Select(i => Sheets(i * 63, 63)));
        var runs = BookletPdfRenderer.Runs(large, [.. Enumerable.Range(0, 17)]);
        Assert.All(runs, run => Assert.True(run.Sum(i => large[i].SheetCount) <= 128));
        Assert.Equal(Enumerable.Range(0, 17), runs.SelectMany(r => r));
    }

    private static int LastRuns(AppFactory app) => int.Parse(
        app.Log.Records.Last(r => r.Category == typeof(BookletPdfRenderer).FullName && r["Runs"] is not null)["Runs"]!,
        System.Globalization.CultureInfo.InvariantCulture);

    private static (int Parts, int Reused) LastPrint(AppFactory app)
    {
        var record = app.Log.Records.Last(r => r.Category == typeof(BookletPdfRenderer).FullName && r["Parts"] is not null);
        return (int.Parse(record["Parts"]!, System.Globalization.CultureInfo.InvariantCulture), int.Parse(record["Reused"]!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
