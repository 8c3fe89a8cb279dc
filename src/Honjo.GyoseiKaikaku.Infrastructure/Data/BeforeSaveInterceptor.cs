using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data;

/// <summary>
/// A save interceptor that does its work just before EF Core writes, the same for <c>SaveChanges</c> and
/// <c>SaveChangesAsync</c>: the history (<see cref="History.HistoryInterceptor"/>) and the append-only audit check
/// (<see cref="Auditing.AppendOnlyAuditInterceptor"/>). Throwing from <see cref="BeforeSave"/> refuses the save.
/// </summary>
public abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        BeforeSave(eventData.Context);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        BeforeSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Runs on the context about to be saved (null when EF Core gives none).</summary>
    protected abstract void BeforeSave(DbContext? context);
}
