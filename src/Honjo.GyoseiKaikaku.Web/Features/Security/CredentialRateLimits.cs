using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Web.Features.Security;

/// <summary>
/// Marks an action where a password is tried (sign-in, password change): its POSTs count against the rate limits.
/// The account is the form field <see cref="AccountField"/> when given (the sign-in form), else the signed-in user.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PasswordAttemptAttribute(string? accountField = null) : Attribute
{
    public string? AccountField { get; } = accountField;
}

/// <summary>
/// ASP.NET Core's rate limiter over the password attempts: a sliding window per client address and another per
/// account, chained, so that one address spraying many accounts and many addresses guessing one account are both
/// stopped. A refused attempt is a 429 with the Japanese error page and a Retry-After header; it never reaches the
/// password check, so it neither costs a hash nor counts toward the lockout. Unknown and existing user names are
/// limited alike, which keeps the limits from telling which accounts exist.
/// </summary>
public static class CredentialRateLimits
{
    /// <summary>The account key of the current request, for the 429 log entry.</summary>
    public const string AccountItemKey = "honjo.rate-limit-account";

    private const int Segments = 6;

    public static IServiceCollection AddCredentialRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CredentialRateLimitOptions>(configuration.GetSection(CredentialRateLimitOptions.SectionName));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<CredentialRateLimitOptions>>((o, limits) =>
        {
            var perClient = limits.Value.PerClient;
            var perAccount = limits.Value.PerAccount;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsPasswordAttempt(context)
                    ? RateLimitPartition.GetSlidingWindowLimiter(context.ClientAddress(), _ => Window(perClient))
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsPasswordAttempt(context)
                    ? RateLimitPartition.GetSlidingWindowLimiter(AccountKey(context), _ => Window(perAccount))
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
            o.OnRejected = (rejected, _) =>
            {
                // A sliding window's refusal carries no retry time; one segment of the longer window is when the
                // oldest attempts start to drop out.
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var known)
                    ? known
                    : (Window(perClient).Window > Window(perAccount).Window ? Window(perClient).Window : Window(perAccount).Window) / Segments;
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// Reads the form of a password attempt before the limiter runs (the limiter's partitioning cannot wait for the
    /// body; MVC later reuses the form read here), then applies the limits.
    /// </summary>
    public static IApplicationBuilder UseCredentialRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsPasswordAttempt(context))
            {
                if (context.Request.HasFormContentType)
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }

                // Kept for the log entry of a refusal, whichever limiter refuses.
                context.Items[AccountItemKey] = AccountKey(context);
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static bool IsPasswordAttempt(HttpContext context) => Attempt(context) is not null;

    private static PasswordAttemptAttribute? Attempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) ? context.GetEndpoint()?.Metadata.GetMetadata<PasswordAttemptAttribute>() : null;

    /// <summary>The account tried: the user name typed on the sign-in form, or the signed-in user changing a password.</summary>
    private static string AccountKey(HttpContext context)
    {
        if (context.Items.TryGetValue(AccountItemKey, out var known) && known is string key)
        {
            return key;
        }

        var field = Attempt(context)?.AccountField;
        var typed = field is null
            ? context.User.Identity?.Name
            : context.Request.HasFormContentType ? context.Request.Form[field].FirstOrDefault() : null; // the value MVC binds
        var normalized = (typed ?? string.Empty).Trim().ToUpperInvariant();
        return normalized.Length > 100 ? normalized[..100] : normalized;
    }

    private static SlidingWindowRateLimiterOptions Window(WindowLimit limit) => new()
    {
        PermitLimit = Math.Max(1, limit.PermitLimit),
        Window = limit.Window > TimeSpan.Zero ? limit.Window : TimeSpan.FromMinutes(1),
        SegmentsPerWindow = Segments,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
