using System.Net;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Honjo.GyoseiKaikaku.Web.Features.Security;

/// <summary>Sessions, cookies, the trusted proxy, the password-attempt limits and the audit context (ADR 0014).</summary>
public static class SecuritySetup
{
    public const string AuthCookie = "honjo.auth";
    public const string AntiforgeryCookie = "honjo.antiforgery";
    public const string TempDataCookie = "honjo.tempdata";

    /// <summary>
    /// The prefix that makes a browser accept a cookie only when it is Secure, has Path=/ and no Domain: the cookie can
    /// neither be set over plain http nor by a neighbouring host of the city's domain.
    /// </summary>
    public const string HostPrefix = "__Host-";

    public static IServiceCollection AddAppSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<SignInSessionOptions>(configuration.GetSection(SignInSessionOptions.SectionName));
        services.Configure<ProxyOptions>(configuration.GetSection(ProxyOptions.SectionName));

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SignInSessionOptions>>((o, session) =>
            {
                Secure(o.Cookie, AuthCookie, session.Value.SecureCookie);
                o.ExpireTimeSpan = session.Value.IdleTimeout;
                o.SlidingExpiration = true;
                o.Events.OnSigningIn = SessionValidation.OnSigningIn;
                o.Events.OnValidatePrincipal = SessionValidation.OnValidatePrincipal;
            });
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<SignInSessionOptions>>((o, session) => Secure(o.Cookie, AntiforgeryCookie, session.Value.SecureCookie));
        services.AddOptions<CookieTempDataProviderOptions>()
            .Configure<IOptions<SignInSessionOptions>>((o, session) => Secure(o.Cookie, TempDataCookie, session.Value.SecureCookie));

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxies) => TrustProxies(o, proxies.Value));
        services.AddCredentialRateLimits(configuration);
        services.AddScoped<IAuditContext, HttpAuditContext>();
        return services;
    }

    private static void Secure(CookieBuilder cookie, string name, bool secure)
    {
        cookie.Name = secure ? HostPrefix + name : name;
        cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.Path = "/";
        cookie.HttpOnly = true;
    }

    /// <summary>
    /// Believes X-Forwarded-For and X-Forwarded-Proto from the configured proxies only (loopback when none is
    /// configured), so that the client address of the logs and rate limits and the https scheme of the cookies are
    /// the real ones. X-Forwarded-Host is not taken: the Host header is checked against AllowedHosts as received.
    /// </summary>
    private static void TrustProxies(ForwardedHeadersOptions options, ProxyOptions proxies)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = Math.Max(1, proxies.ForwardLimit);
        if (proxies.KnownProxies.Count == 0 && proxies.KnownNetworks.Count == 0)
        {
            return;
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var address in proxies.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(address));
        }

        foreach (var network in proxies.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
