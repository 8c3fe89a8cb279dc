using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Web.Tests.Plans;

/// <summary>The 1,008-plan edition the benchmark measures enters a database through the application's own seeding.</summary>
public sealed class LargeEditionTests
{
    [Fact]
    public async Task The_large_edition_seeds_1008_plans_repeating_each_field_18_times_renumbered()
    {
        var r6 = RepoPaths.ReadSeed();
        using var app = AppFactory.Create(LargeEdition.AppOptions());
        await using var scope = app.Services.CreateAsyncScope();

        var booklet = (await scope.ServiceProvider.GetRequiredService<IBookletReader>().ReadAsync(new FiscalYear(6), default))!;

        Assert.Equal(1008, LargeEdition.PlanCount);
        Assert.Equal([468, 324, 216], booklet.Fields.Select(f => f.Sheets.Count));
        foreach (var field in booklet.Fields)
        {
            var originals = r6.Plans.Where(p => p.Id.StartsWith($"{field.Number}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(1, field.Sheets.Count), field.Sheets.Select(s => s.Number.Number));
            Assert.All(field.Sheets, s => Assert.Equal(originals[(s.Number.Number - 1) % originals.Count].Name, s.Name));
        }

        // Paginated like any edition: a 目次 of many pages, then one page per sheet in booklet order.
        Assert.True(booklet.Contents.Pages.Count > 20);
        Assert.Equal(Enumerable.Range(booklet.Contents.FirstSheetPage, 1008), booklet.Sheets.Select(s => s.Page));
    }
}
