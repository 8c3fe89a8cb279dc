namespace Honjo.GyoseiKaikaku.Web.Features.Security;

/// <summary>How long a sign-in lasts and how its cookie travels (configuration section <c>Security:Session</c>).</summary>
public sealed class SignInSessionOptions
{
    public const string SectionName = "Security:Session";

    /// <summary>A session unused this long ends (sliding: renewed once half of it has passed).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after the sign-in, however busy: a stolen cookie dies by the end of the day.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>
    /// True in production: the cookies are Secure and named <c>__Host-…</c> (the browser then refuses them from
    /// plain http, from a sub-domain and for another path). False only where the site is served over plain http:
    /// Development and the tests.
    /// </summary>
    public bool SecureCookie { get; set; } = true;
}

/// <summary>
/// Limits on password attempts (sign-in and password change), per client address and per account (section
/// <c>Security:RateLimits</c>). Both apply: an address trying many accounts and many addresses trying one account
/// are each stopped.
/// </summary>
public sealed class CredentialRateLimitOptions
{
    public const string SectionName = "Security:RateLimits";

    public WindowLimit PerClient { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    public WindowLimit PerAccount { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };
}

/// <summary>At most <see cref="PermitLimit"/> attempts in any <see cref="Window"/> (a sliding window of six segments).</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (section
/// <c>ForwardedHeaders</c>). With none configured only a proxy on the same machine (loopback) is believed.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in a row may append to <c>X-Forwarded-For</c>.</summary>
    public int ForwardLimit { get; set; } = 1;
}
