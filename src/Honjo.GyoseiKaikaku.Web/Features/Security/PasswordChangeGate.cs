using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Honjo.GyoseiKaikaku.Web.Features.Security;

/// <summary>Marks the actions a user with a password set by the 企画課 may still use: the password page and sign-out.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowedBeforePasswordChangeAttribute : Attribute;

/// <summary>
/// While the signed-in user's password is one the 企画課 set (claim <see cref="AppClaims.MustChangePassword"/>),
/// every page leads to the password page, except that page, sign-out and what anyone may see anyway (anonymous
/// endpoints: sign-in, error pages, open data, static files). The claim comes from the database at sign-in and
/// disappears with the user's own change, so the gate needs no query.
/// </summary>
public static class PasswordChangeGate
{
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (context.User.HasClaim(AppClaims.MustChangePassword, "true")
                && endpoint is not null
                && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
                && endpoint.Metadata.GetMetadata<AllowedBeforePasswordChangeAttribute>() is null)
            {
                var links = context.RequestServices.GetRequiredService<LinkGenerator>();
                context.Response.Redirect(links.GetPathByAction(context, "Password", "Account") ?? "/");
                return;
            }

            await next(context);
        });
}
