using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.TestSupport;
using Honjo.GyoseiKaikaku.Web.Features.Booklets;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests;

/// <summary>
/// The booklet prints in parts and reuses a part whose HTML it printed before (ADR 0021): after one sheet changed,
/// only that sheet's part prints again, and the merged PDF reads as a full print would.
/// </summary>
public sealed class BookletPartReuseTests
{
    [Fact]
    public async Task After_one_sheet_changed_only_its_part_prints_again_and_the_booklet_reads_right()
    {
        using var app = new ConfiguredApp(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Honjo.GyoseiKaikaku.Web.Features.Booklets"] = "Information",
        });
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

        await renderer.RenderAsync(booklet, default);
        var first = LastPrint(app);
        var again = await renderer.RenderAsync(changed, default);
        var second = LastPrint(app);

        var parts = BookletPdfRenderer.Parts(booklet).Count;
        Assert.Equal((parts, 0), first);
        Assert.Equal((parts, parts - 1), second);
        var page = changed.Sheets.Single(s => s.Number == changedNumber).Page;
        var baseline = BookletText.R6Baseline();
        var text = BookletText.PerPage(again);
        Assert.Equal([page], BookletText.DifferingPages(baseline, text));
        Assert.Contains("部品の再利用を確かめる一文", text[page - 1], StringComparison.Ordinal);
    }

    private static (int Parts, int Reused) LastPrint(ConfiguredApp app)
    {
        var record = app.Log.Records.Last(r => r.Category == typeof(BookletPdfRenderer).FullName && r["Parts"] is not null);
        return (int.Parse(record["Parts"]!, System.Globalization.CultureInfo.InvariantCulture), int.Parse(record["Reused"]!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
