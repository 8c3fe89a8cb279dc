using Microsoft.Extensions.Logging;

namespace Honjo.GyoseiKaikaku.Infrastructure.Auditing;

/// <summary>
/// The event ids of the security log, one per kind of event, so that a log collector can select them without
/// parsing messages. Every event carries who (user name), from where (client address) and the request id.
/// 1000s: sign-in and sessions; 1100s: refused requests; 1200s: administrative changes (also in the database).
/// </summary>
public static class SecurityEvents
{
    public static readonly EventId SignInSucceeded = new(1001, nameof(SignInSucceeded));
    public static readonly EventId SignInFailed = new(1002, nameof(SignInFailed));
    public static readonly EventId AccountLockedOut = new(1003, nameof(AccountLockedOut));
    public static readonly EventId SignedOut = new(1004, nameof(SignedOut));
    public static readonly EventId PasswordChanged = new(1005, nameof(PasswordChanged));
    public static readonly EventId PasswordChangeRefused = new(1006, nameof(PasswordChangeRefused));
    public static readonly EventId SessionEnded = new(1007, nameof(SessionEnded));
    public static readonly EventId AccessDenied = new(1101, nameof(AccessDenied));
    public static readonly EventId RateLimited = new(1102, nameof(RateLimited));
    public static readonly EventId AdministrativeChange = new(1201, nameof(AdministrativeChange));

    /// <summary>
    /// A value typed by someone else (a user name from the sign-in form) made safe for a log line: control characters
    /// (a forged second line) replaced, and cut to 100 characters.
    /// </summary>
    public static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var cut = value.Length > 100 ? value[..100] + "…" : value;
        return string.Create(cut.Length, cut, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }
}
