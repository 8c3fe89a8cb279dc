using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Infrastructure.Auditing;

/// <summary>
/// Refuses any save that would change or delete an <see cref="AuditEvent"/>: the log is append-only for the
/// application whatever a future handler tries. (On SQL Server a DBA can also deny UPDATE and DELETE on the table.)
/// </summary>
public sealed class AppendOnlyAuditInterceptor : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext? context)
    {
        if (context is not null
            && context.ChangeTracker.Entries<AuditEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: an AuditEvent cannot be changed or deleted.");
        }
    }
}
