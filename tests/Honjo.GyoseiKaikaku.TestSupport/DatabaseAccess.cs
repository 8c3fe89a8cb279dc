using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>The database as it is, for assertions: every report, whatever its state (no visibility filter).</summary>
public static class DatabaseAccess
{
    public static AppDbContext Database(this IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        db.ReadAs(ReportAudience.Everything);
        return db;
    }
}
