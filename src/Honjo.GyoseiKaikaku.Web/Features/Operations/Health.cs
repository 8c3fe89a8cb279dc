using System.Text.Json;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Honjo.GyoseiKaikaku.Web.Features.Operations;

/// <summary>The database answers and has every migration of this version applied.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
            var data = new Dictionary<string, object> { ["provider"] = db.Database.ProviderName ?? string.Empty, ["lastMigration"] = applied ?? string.Empty };
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database answers; every migration is applied.", data)
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations are not applied (first: {pending[0]}).", data: data);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer: " + e.Message);
        }
    }
}

/// <summary>
/// The summaries' and the council's PDFs need a browser and a Japanese font (the booklet's is written by the application,
/// ADR 0036); without them the rest works, so this is degraded, not unhealthy.
/// </summary>
public sealed class PdfEngineHealthCheck(IPdfEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(engine.UnavailableReason() is { } reason
            ? HealthCheckResult.Degraded(reason)
            : HealthCheckResult.Healthy("The PDF browser and a Japanese font are installed."));
}

/// <summary><c>/healthz</c> for a load balancer: 200 when healthy or degraded, 503 when not; a JSON body for people.</summary>
public static class Health
{
    public const string Path = "/healthz";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false };

    public static IServiceCollection AddAppHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<PdfEngineHealthCheck>("pdf", failureStatus: HealthStatus.Degraded);
        return services;
    }

    public static IEndpointConventionBuilder MapAppHealthChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            totalMs = (long)report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
