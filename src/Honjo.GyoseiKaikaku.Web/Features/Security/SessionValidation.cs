using System.Globalization;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Web.Features.Security;

/// <summary>
/// Ends a session the moment it should end, on every request (ADR 0014):
/// <list type="bullet">
/// <item>when the user's security stamp in the database differs from the one in the cookie — sign-out, a password
/// change, an administrator's reset or lock all give the user a new stamp, so every copy of every cookie of that
/// user stops working at once. One indexed read of one column; the full principal (roles, departments) is still
/// rebuilt only every minute by Identity's <see cref="SecurityStampValidator"/>.</item>
/// <item>when the absolute lifetime since the sign-in (kept in the cookie's properties) has passed, however
/// active the session; the idle timeout is the cookie's own sliding expiry.</item>
/// </list>
/// </summary>
public static class SessionValidation
{
    /// <summary>The sign-in time (UTC, round-trip format) in the authentication properties, kept across renewals.</summary>
    public const string SignedInAtKey = "honjo.signed-in-at";

    /// <summary>Stamps a new session with its sign-in time; a refreshed sign-in keeps the original one.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Properties.Items.ContainsKey(SignedInAtKey))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Properties.Items[SignedInAtKey] = now.ToString("O", CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var session = services.GetRequiredService<IOptions<SignInSessionOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var text)
            || !DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
            || now - signedInAt > session.AbsoluteLifetime)
        {
            await RejectAsync(context, "absolute lifetime over");
            return;
        }

        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = context.Principal?.FindFirst(claims.SecurityStampClaimType)?.Value;
        var current = userId is null
            ? null
            : await services.GetRequiredService<AppDbContext>().Users.AsNoTracking()
                .Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            await RejectAsync(context, "signed out, password changed, reset or locked");
            return;
        }

        // Identity's own validator: every minute, the principal is rebuilt so that changed roles and departments apply.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context, string reason)
    {
        var http = context.HttpContext;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionValidation));
        SecurityLog.SessionEnded(logger, context.Principal?.Identity?.Name ?? "-", reason, http.ClientAddress(), http.RequestId());
        context.RejectPrincipal();
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
