namespace Honjo.GyoseiKaikaku.Web.Features.Security;

/// <summary>
/// Logs every refused request, 403 and 429, in one place whatever refused it (a policy, a department check, the rate
/// limiter), with who, what and from where. Runs outermost, so it sees the final status after the error page.
/// </summary>
public static class SecurityEventLogging
{
    public static IApplicationBuilder UseRefusalLogging(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            var status = context.Response.StatusCode;
            if (status is not (StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests))
            {
                return;
            }

            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityEventLogging));
            var path = Infrastructure.Auditing.SecurityEvents.Safe(context.Request.Path.Value);
            if (status == StatusCodes.Status403Forbidden)
            {
                SecurityLog.AccessDenied(logger, context.UserNameOrDash(), context.Request.Method, path, context.ClientAddress(), context.RequestId());
            }
            else
            {
                var account = context.Items.TryGetValue(CredentialRateLimits.AccountItemKey, out var a) ? a as string : null;
                SecurityLog.RateLimited(
                    logger, context.Request.Method, path, Infrastructure.Auditing.SecurityEvents.Safe(account), context.UserNameOrDash(),
                    context.ClientAddress(), context.RequestId());
            }
        });
}
