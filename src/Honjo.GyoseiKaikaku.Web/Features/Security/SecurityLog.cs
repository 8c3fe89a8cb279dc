using Honjo.GyoseiKaikaku.Infrastructure.Auditing;

namespace Honjo.GyoseiKaikaku.Web.Features.Security;

/// <summary>
/// The security events of the web layer, as structured log entries with the ids of <see cref="SecurityEvents"/>:
/// who (user name), what, from where (client address) and the request id, always under the same property names.
/// </summary>
public static partial class SecurityLog
{
    [LoggerMessage(EventId = 1001, EventName = nameof(SecurityEvents.SignInSucceeded), Level = LogLevel.Information,
        Message = "Sign-in succeeded for {UserName} from {ClientAddress}, request {RequestId}")]
    public static partial void SignInSucceeded(ILogger logger, string userName, string clientAddress, string requestId);

    /// <summary><paramref name="reason"/> is for the log only; the person is told the same thing whatever it is.</summary>
    [LoggerMessage(EventId = 1002, EventName = nameof(SecurityEvents.SignInFailed), Level = LogLevel.Warning,
        Message = "Sign-in failed for {UserName} ({Reason}) from {ClientAddress}, request {RequestId}")]
    public static partial void SignInFailed(ILogger logger, string userName, SignInFailure reason, string clientAddress, string requestId);

    [LoggerMessage(EventId = 1003, EventName = nameof(SecurityEvents.AccountLockedOut), Level = LogLevel.Warning,
        Message = "Account {UserName} locked out after repeated wrong passwords ({Where}) from {ClientAddress}, request {RequestId}")]
    public static partial void AccountLockedOut(ILogger logger, string userName, string where, string clientAddress, string requestId);

    [LoggerMessage(EventId = 1004, EventName = nameof(SecurityEvents.SignedOut), Level = LogLevel.Information,
        Message = "Signed out {UserName}, every session ended, from {ClientAddress}, request {RequestId}")]
    public static partial void SignedOut(ILogger logger, string userName, string clientAddress, string requestId);

    [LoggerMessage(EventId = 1005, EventName = nameof(SecurityEvents.PasswordChanged), Level = LogLevel.Information,
        Message = "Password changed by {UserName}, other sessions ended, from {ClientAddress}, request {RequestId}")]
    public static partial void PasswordChanged(ILogger logger, string userName, string clientAddress, string requestId);

    [LoggerMessage(EventId = 1006, EventName = nameof(SecurityEvents.PasswordChangeRefused), Level = LogLevel.Warning,
        Message = "Password change refused for {UserName} ({Reason}) from {ClientAddress}, request {RequestId}")]
    public static partial void PasswordChangeRefused(ILogger logger, string userName, string reason, string clientAddress, string requestId);

    [LoggerMessage(EventId = 1007, EventName = nameof(SecurityEvents.SessionEnded), Level = LogLevel.Information,
        Message = "Session of {UserName} refused ({Reason}) from {ClientAddress}, request {RequestId}")]
    public static partial void SessionEnded(ILogger logger, string userName, string reason, string clientAddress, string requestId);

    [LoggerMessage(EventId = 1101, EventName = nameof(SecurityEvents.AccessDenied), Level = LogLevel.Warning,
        Message = "Access denied (403) to {UserName} for {Method} {Path} from {ClientAddress}, request {RequestId}")]
    public static partial void AccessDenied(ILogger logger, string userName, string method, string path, string clientAddress, string requestId);

    [LoggerMessage(EventId = 1102, EventName = nameof(SecurityEvents.RateLimited), Level = LogLevel.Warning,
        Message = "Too many attempts (429) for {Method} {Path}, account {Account}, user {UserName}, from {ClientAddress}, request {RequestId}")]
    public static partial void RateLimited(ILogger logger, string method, string path, string account, string userName, string clientAddress, string requestId);
}

/// <summary>Why a sign-in failed, for the log only.</summary>
public enum SignInFailure
{
    UnknownUser,
    WrongPassword,
    LockedOut,
    StoppedByOffice,
    NotAllowed,
}

public static class HttpContextSecurityExtensions
{
    /// <summary>The client's address after a trusted proxy's X-Forwarded-For; "unknown" when there is none (tests).</summary>
    public static string ClientAddress(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>The request id also shown in ASP.NET Core's own log entries for the request.</summary>
    public static string RequestId(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.TraceIdentifier;
    }

    /// <summary>The signed-in user's ID, or "-" for an anonymous request.</summary>
    public static string UserNameOrDash(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "-" : "-";
    }
}
