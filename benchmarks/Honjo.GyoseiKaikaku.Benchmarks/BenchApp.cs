using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Benchmarks;

/// <summary>The real application, in-process, over its own SQLite file seeded at start like production.</summary>
internal sealed class BenchApp(string databasePath, string seedFile) : WebApplicationFactory<Program>
{
    private AsyncServiceScope? _scope;

    /// <summary>One scope for the whole run.</summary>
    public IServiceProvider Scoped => (_scope ??= Services.CreateAsyncScope()).ServiceProvider;

    public override async ValueTask DisposeAsync()
    {
        if (_scope is { } scope)
        {
            await scope.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Path.Combine(TestSupport.RepoPaths.Root, "src", "Honjo.GyoseiKaikaku.Web"));
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
        builder.UseSetting("Database:SeedFile", seedFile);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        var verbose = Environment.GetEnvironmentVariable("BENCH_VERBOSE") is null ? "Warning" : "Information";
        builder.UseSetting("Logging:LogLevel:Honjo.GyoseiKaikaku.Infrastructure.Pdf", verbose);
        builder.UseSetting("Logging:LogLevel:Honjo.GyoseiKaikaku.Web.Features.Booklets", verbose);
    }
}
