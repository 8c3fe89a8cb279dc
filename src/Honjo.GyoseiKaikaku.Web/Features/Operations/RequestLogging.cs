using System.Collections;
using System.Diagnostics;

namespace Honjo.GyoseiKaikaku.Web.Features.Operations;

/// <summary>Event ids of the request log.</summary>
public static class RequestEvents
{
    /// <summary>One line per request: method, path, status, time, user, request id (an error for a 5xx).</summary>
    public static readonly EventId Finished = new(2001, "RequestFinished");
}

/// <summary>
/// Outermost after the proxy headers: every log entry written while a request runs carries its user and client
/// address (a scope; ASP.NET Core's own scope adds RequestId and RequestPath), and each request ends with one line
/// naming all of them and the status. A 500 is an error line, whoever handled the exception.
/// </summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var scope = logger.BeginScope(new RequestScope(context));
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            logger.Log(
                status >= 500 ? LogLevel.Error : LogLevel.Information,
                RequestEvents.Finished,
                "{Method} {Path} answered {StatusCode} in {ElapsedMs} ms for {UserName} (request {RequestId})",
                context.Request.Method,
                context.Request.Path.Value,
                status,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                UserName(context),
                context.TraceIdentifier);
        }
    }

    internal static string UserName(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "-";

    /// <summary>A scope read when an entry is written, so that it names the user once authentication has run.</summary>
    private sealed class RequestScope(HttpContext context) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 2;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("UserName", UserName(context)),
            1 => new("ClientAddress", context.Connection.RemoteIpAddress?.ToString()),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"UserName:{this[0].Value} ClientAddress:{this[1].Value}";
    }
}
