using System.Net;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>
/// helper-scale's rows: <c>/plans</c> over the 1,008-plan edition through the whole pipeline (sign-in cookie,
/// routing, the query, Razor), as a 閲覧 user: the size of one response, the time of a page and of a search (warm:
/// median of the warm runs after one untimed request each).
/// </summary>
internal static class PlanListRows
{
    private const string User = "bench-reader";

    public static async Task RunAsync(BenchContext context, ResultTable table)
    {
        Console.WriteLine("/plans over the 1,008-plan edition…");
        var app = context.LargeApp;
        await TestUsers.CreateAsync(app, User, AppRoles.Viewer);

        // The application runs as in production (secure cookies): talk to it over https.
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        await client.SignInAsync(User);

        var (firstPageMs, firstPageBytes) = await MeasureAsync(client, "/plans", context.WarmRuns);
        var (middlePageMs, middlePageBytes) = await MeasureAsync(client, "/plans?page=5", context.WarmRuns);
        var (searchMs, searchBytes) = await MeasureAsync(client, "/plans?q=%E5%B8%82%E6%B0%91", context.WarmRuns);
        var (rareSearchMs, _) = await MeasureAsync(client, "/plans?q=%E3%82%B3%E3%83%B3%E3%83%93%E3%83%8B%E4%BA%A4%E4%BB%98", context.WarmRuns);
        var largest = Math.Max(firstPageBytes, Math.Max(middlePageBytes, searchBytes));

        table.Add("/plans 1,008 plans: largest response", $"{ResultTable.Kb(largest)} (page 1: {ResultTable.Kb(firstPageBytes)}; was 733 KB in one page)", "<= 150 KB", largest <= 150 * 1024);
        table.Add("/plans 1,008 plans: a page", $"{ResultTable.Ms(firstPageMs)} (page 5: {ResultTable.Ms(middlePageMs)})", "<= 50 ms", Math.Max(firstPageMs, middlePageMs) <= 50);
        table.Add("/plans 1,008 plans: search", $"{ResultTable.Ms(searchMs)} (「市民」, hundreds of matches) / {ResultTable.Ms(rareSearchMs)} (「コンビニ交付」)", "<= 100 ms", Math.Max(searchMs, rareSearchMs) <= 100);
    }

    private static async Task<(double Ms, long Bytes)> MeasureAsync(HttpClient client, string url, int runs)
    {
        var bytes = await GetAsync(client, url);
        var ms = await Timing.MedianAsync(runs, _ => GetAsync(client, url));
        return (ms, bytes);
    }

    private static async Task<long> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}.");
        }

        return (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }
}
