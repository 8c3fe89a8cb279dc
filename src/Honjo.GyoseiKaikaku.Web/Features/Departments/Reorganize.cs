using System.ComponentModel.DataAnnotations;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Infrastructure.Auditing;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Identity;
using Honjo.GyoseiKaikaku.Web.Features.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Departments;

/// <summary>The 組織改正 form: 名称変更 (one department, a new name), 統合 (several, into one that goes on or a new name), 新設.</summary>
public sealed record ReorganizeRequest
{
    public ReorganizationKind? Kind { get; init; }

    /// <summary>The department renamed, or the departments merged.</summary>
    public List<int> From { get; init; } = [];

    /// <summary>For 統合: the department the others join, when it goes on.</summary>
    public int? Into { get; init; }

    [StringLength(Department.MaxNameLength, ErrorMessage = "新しい部署名は{1}文字以内で入力してください。")]
    public string? NewName { get; init; }

    [StringLength(DepartmentReorganization.MaxReasonLength, ErrorMessage = "組織改正の理由は{1}文字以内で入力してください。")]
    public string? Reason { get; init; }
}

public sealed record ReorganizationRow(FiscalYear AsOfYear, ReorganizationKind Kind, IReadOnlyList<string> From, int DepartmentId, string To, string Reason, DateTimeOffset RecordedAt, string RecordedBy)
{
    public string Summary => Kind switch
    {
        ReorganizationKind.Establish => $"「{To}」を新設",
        _ => $"{string.Join("・", From.Select(f => $"「{f}」"))} → 「{To}」",
    };
}

/// <summary>
/// The 組織改正 page of an edition: the form (only while the edition is 案, since its versions change) and what it does.
/// <see cref="Refusal"/> says why the form is closed.
/// </summary>
public sealed record ReorganizeViewModel(
    EditionContext Context,
    ReorganizeRequest Form,
    IReadOnlyList<DepartmentLink> Departments,
    IReadOnlyList<ReorganizationRow> Done,
    IReadOnlyList<string> Errors,
    string? Refusal);

/// <summary>
/// 組織改正 as of an edition's year (ADR 0016): the departments replaced get a successor; every plan version of that
/// edition (a draft, so still editable) names the successor instead; the staff bound to a replaced department move to
/// the successor and keep the records of the department they left (their sessions end so that their rights are read
/// again). Earlier editions keep their versions, so they print the old names.
/// </summary>
public sealed class ReorganizeHandler(AppDbContext db, EditionResolver editions, IAuditLog audit, TimeProvider clock)
{
    public async Task<ReorganizeViewModel?> FormAsync(string? year, ReorganizeRequest? form, IReadOnlyList<string> errors, CancellationToken ct)
    {
        var context = await editions.ResolveAsync(year, ct);
        if (context is null)
        {
            return null;
        }

        var departments = await db.Departments.AsNoTracking().ToListAsync(ct);
        var options = departments.Where(d => d.IsActiveIn(context.Year)).OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Select(d => new DepartmentLink(d.Id, d.Name)).ToList();
        return new ReorganizeViewModel(context, form ?? new ReorganizeRequest(), options, await ListAsync(departments, ct), errors, RefusalFor(context));
    }

    /// <summary>Every 組織改正 recorded, newest year first.</summary>
    public async Task<IReadOnlyList<ReorganizationRow>> ListAsync(CancellationToken ct) =>
        await ListAsync(await db.Departments.AsNoTracking().ToListAsync(ct), ct);

    /// <summary>Records the 組織改正; NotFound for an unknown edition, Invalid with the Japanese reason when refused.</summary>
    public Task<UseCaseResult<Done>> ReorganizeAsync(string? year, ReorganizeRequest request, string recordedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return editions.RunAsync(year, context => ReorganizeAsync(context, request, recordedBy, ct), ct);
    }

    private async Task<UseCaseResult<Done>> ReorganizeAsync(EditionContext context, ReorganizeRequest request, string recordedBy, CancellationToken ct)
    {
        if (RefusalFor(context) is { } refusal)
        {
            return UseCaseResult.Invalid<Done>(default, refusal);
        }

        var asOf = context.Year;
        var departments = await db.Departments.ToListAsync(ct);
        var byId = departments.ToDictionary(d => d.Id);
        if (request.From.Any(id => !byId.ContainsKey(id)) || (request.Into is { } intoId && !byId.ContainsKey(intoId)))
        {
            return UseCaseResult.Invalid<Done>(default, "選んだ部署が見つかりません。画面を読み込み直してから、もう一度選んでください。");
        }

        var from = request.From.Distinct().Select(id => byId[id]).ToList();
        DepartmentReorganization reorganization;
        try
        {
            reorganization = request.Kind switch
            {
                ReorganizationKind.Rename when from.Count != 1 => throw new DomainException("名称変更する部署を1つ選んでください。"),
                ReorganizationKind.Rename => DepartmentReorganization.Rename(from[0], request.NewName, asOf, request.Reason, departments, recordedBy, clock.GetUtcNow()),
                ReorganizationKind.Merge => DepartmentReorganization.Merge(
                    from, request.Into is { } into ? byId[into] : null, request.NewName, asOf, request.Reason, departments, recordedBy, clock.GetUtcNow()),
                ReorganizationKind.Establish when from.Count > 0 => throw new DomainException("新設では元の部署は選びません。部署を置き換える場合は「名称変更」か「統合」を選んでください。"),
                ReorganizationKind.Establish => DepartmentReorganization.Establish(request.NewName, asOf, request.Reason, departments, recordedBy, clock.GetUtcNow()),
                _ => throw new DomainException("組織改正の種類（名称変更・統合・新設）を選んでください。"),
            };
        }
        catch (DomainException e)
        {
            return UseCaseResult.Invalid<Done>(default, e.Message);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.DepartmentReorganizations.Add(reorganization);
        try
        {
            // First the departments, so the successor has its id before the plans and the staff move to it.
            await db.SaveChangesAsync(ct);
            var successor = reorganization.Department;
            var replaced = from.ToHashSet();
            await MovePlansAsync(asOf, d => replaced.Contains(d) ? successor : d, ct);
            await MoveStaffAsync(replaced.Select(d => d.Id).ToList(), successor.Id, ct);
            audit.Record(AuditAction.DepartmentsReorganized, $"{asOf.JapaneseName} {reorganization.Kind.DisplayName()}",
                $"{(from.Count == 0 ? string.Empty : string.Join("・", from.Select(d => d.Name)) + " → ")}{successor.Name}：{reorganization.Reason}");
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people recording a 組織改正 of the same department at once, or the same new name: the second one loses.
            return UseCaseResult.Invalid<Done>(default, "ほかの人が同時に組織改正を登録したため、登録できませんでした。画面を読み込み直して、登録済みの内容を確かめてください。");
        }
        catch (DomainException e)
        {
            return UseCaseResult.Invalid<Done>(default, e.Message);
        }

        await transaction.CommitAsync(ct);
        return UseCaseResult.Ok(Done.Value);
    }

    private static string? RefusalFor(EditionContext context) => context.Edition.Status == EditionStatus.Draft
        ? null
        : $"{context.Edition.Name}は{context.Edition.Status.DisplayName()}のため、{context.Year.JapaneseName}からの組織改正は登録できません。"
          + "公表した版の部署名は変わりません。次の年度の版（案）を作成してから、その年度からの組織改正として登録してください。";

    private async Task MovePlansAsync(FiscalYear asOf, Func<Department, Department> current, CancellationToken ct)
    {
        var versions = await db.Plans
            .Include(p => p.Edition)
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.Cooperators).ThenInclude(c => c.Department)
            .Where(p => p.Edition!.Year >= asOf)
            .AsSplitQuery()
            .ToListAsync(ct);
        foreach (var version in versions)
        {
            version.ApplyReorganization(current);
        }
    }

    private async Task MoveStaffAsync(IReadOnlyList<int> replaced, int successorId, CancellationToken ct)
    {
        var bindings = await db.Set<UserDepartment>().Where(b => replaced.Contains(b.DepartmentId)).ToListAsync(ct);
        var userIds = bindings.Select(b => b.UserId).Distinct().ToList();
        var already = await db.Set<UserDepartment>().Where(b => b.DepartmentId == successorId && userIds.Contains(b.UserId)).Select(b => b.UserId).ToListAsync(ct);
        db.Set<UserDepartment>().RemoveRange(bindings);
        db.Set<UserDepartment>().AddRange(userIds.Except(already).Select(id => new UserDepartment { UserId = id, DepartmentId = successorId }));

        // Departments travel in the sign-in cookie: a new stamp ends the moved staff's sessions, as a change on the
        // user page does, so their next sign-in carries the new department.
        foreach (var user in await db.Users.Where(u => userIds.Contains(u.Id)).ToListAsync(ct))
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
        }
    }

    private async Task<IReadOnlyList<ReorganizationRow>> ListAsync(IReadOnlyList<Department> departments, CancellationToken ct)
    {
        var names = departments.ToDictionary(d => d.Id, d => d.Name);
        var done = await db.DepartmentReorganizations.AsNoTracking().OrderByDescending(r => r.AsOfYear).ThenBy(r => r.Id).ToListAsync(ct);
        return done.Select(r => new ReorganizationRow(
                r.AsOfYear,
                r.Kind,
                departments.Where(d => d.SuccessorId == r.DepartmentId && d.SucceededAsOf == r.AsOfYear).OrderBy(d => d.SortOrder).Select(d => d.Name).ToList(),
                r.DepartmentId,
                names.GetValueOrDefault(r.DepartmentId, string.Empty),
                r.Reason,
                r.RecordedAt,
                r.RecordedBy))
            .ToList();
    }
}
