using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.Extensions.Logging;

namespace Honjo.GyoseiKaikaku.Infrastructure.Auditing;

/// <summary>The one writer of <see cref="AuditEvent"/> rows; see <see cref="IAuditLog"/>.</summary>
public sealed partial class AuditLog : IAuditLog
{
    private readonly AppDbContext _db;
    private readonly IAuditContext _context;
    private readonly TimeProvider _clock;
    private readonly ILogger<AuditLog> _logger;
    private readonly List<AuditEvent> _pending = [];

    public AuditLog(AppDbContext db, IAuditContext context, TimeProvider clock, ILogger<AuditLog> logger)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
        _context = context;
        _clock = clock;
        _logger = logger;

        // Logged once saved: an action rolled back never reaches the log as done.
        _db.SavedChanges += (_, _) => FlushToLog();
    }

    public void Record(AuditAction action, string target, string detail = "")
    {
        var entry = new AuditEvent
        {
            At = _clock.GetUtcNow(),
            ActorId = _context.UserId,
            ActorName = _context.UserName,
            Action = action,
            Target = Cut(target, AuditLimits.Target),
            Detail = Cut(detail, AuditLimits.Detail),
            ClientAddress = _context.ClientAddress,
            RequestId = _context.RequestId,
        };
        _db.Add(entry);
        _pending.Add(entry);
    }

    private void FlushToLog()
    {
        foreach (var e in _pending)
        {
            LogAdministrativeChange(_logger, e.Action, e.Target, e.Detail, e.ActorName, e.ClientAddress, e.RequestId);
        }

        _pending.Clear();
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";

    [LoggerMessage(EventId = 1201, EventName = nameof(SecurityEvents.AdministrativeChange), Level = LogLevel.Information,
        Message = "Administrative change {Action} on {Target}: {Detail} by {UserName} from {ClientAddress}, request {RequestId}")]
    private static partial void LogAdministrativeChange(
        ILogger logger, AuditAction action, string target, string detail, string userName, string? clientAddress, string? requestId);
}

/// <summary>Column sizes of <see cref="AuditEvent"/>.</summary>
public static class AuditLimits
{
    public const int Target = 200;
    public const int Detail = 2000;
}
