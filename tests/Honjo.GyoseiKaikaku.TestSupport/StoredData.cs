using System.Globalization;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>
/// What the application's database holds, read for assertions (every report, whatever its state): the one home of the
/// look-ups tests used to copy (a department's id, a stored report, a user, a snapshot that a refusal must leave alone).
/// </summary>
public static class StoredData
{
    /// <summary>The id of the department named <paramref name="name"/> (市民課, 情報システム課…).</summary>
    public static async Task<int> DepartmentIdAsync(this WebApplicationFactory<Program> app, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.Database().Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
    }

    /// <summary>The stored report of <paramref name="planId"/> (e.g. "1-9") for <paramref name="year"/> (R6 by default), or null.</summary>
    public static async Task<YearEndReport?> StoredReportAsync(this WebApplicationFactory<Program> app, string planId, FiscalYear? year = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var n = PlanNumber.Parse(planId);
        var y = year ?? new FiscalYear(6);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        return await db.YearEndReports.AsNoTracking()
            .Where(r => r.Year == y && db.PlanKeys.Any(p => p.Id == r.PlanKeyId && p.FieldNumber == n.Field && p.Number == n.Number))
            .SingleOrDefaultAsync();
    }

    /// <summary>The account <paramref name="userName"/> as Identity holds it, or null.</summary>
    public static async Task<ApplicationUser?> FindUserAsync(this WebApplicationFactory<Program> app, string userName)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName);
    }

    /// <summary>
    /// Everything an action could change, as one string: plans, reports (every field a person enters), editions and
    /// their deadlines, departments and their staff, and the counts of corrections, published files, comments, users,
    /// ended plans, history entries, reorganizations, and the 審議会's opinions and tables. A refused action leaves it
    /// exactly as it was: <c>Assert.Equal(before, await app.SnapshotAsync())</c>. The audit log is left out (a refusal
    /// may be logged).
    /// </summary>
    public static async Task<string> SnapshotAsync(this WebApplicationFactory<Program> app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.Database();
        var parts = new List<string>
        {
            Join(await db.Plans.AsNoTracking().OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Name}:{p.Version}").ToListAsync()),
            Join(await db.YearEndReports.AsNoTracking().OrderBy(r => r.Id)
                .Select(r => $"{r.Id}:{r.PlanKeyId}:{r.Year}:{r.Status}:{r.StatusReport}:{r.Grade}:{r.NextYearPolicy}:{r.Version}").ToListAsync()),
            Join(await db.Editions.AsNoTracking().OrderBy(e => e.Id).Select(e => $"{e.Id}:{e.Status}:{e.ReportDeadline}").ToListAsync()),
            Join(await db.Departments.AsNoTracking().OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.Name}:{d.SuccessorId}").ToListAsync()),
            Join(await db.Set<UserDepartment>().AsNoTracking().OrderBy(d => d.UserId).ThenBy(d => d.DepartmentId).Select(d => $"{d.UserId}:{d.DepartmentId}").ToListAsync()),
            Join(await db.CouncilOpinions.AsNoTracking().OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.Status}:{o.Body}:{o.Response}:{o.Version}").ToListAsync()),
            Join(await db.CouncilTables.AsNoTracking().OrderBy(t => t.Id).Select(t => $"{t.Id}:{t.IsPublished}:{t.Revision}:{t.Version}").ToListAsync()),
            Count("corrections", await db.Set<Correction>().CountAsync()),
            Count("files", await db.Set<PublishedFile>().CountAsync()),
            Count("comments", await db.ReportComments.CountAsync()),
            Count("users", await db.Users.CountAsync()),
            Count("ended", await db.PlanKeys.CountAsync(k => k.EndedYear != null)),
            Count("history", await db.History.CountAsync()),
            Count("reorganizations", await db.DepartmentReorganizations.CountAsync()),
        };
        return string.Join("\n#", parts);
    }

    private static string Join(IEnumerable<string> rows) => string.Join("|", rows);

    private static string Count(string name, int count) => $"{name}={count.ToString(CultureInfo.InvariantCulture)}";
}
