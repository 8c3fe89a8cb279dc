using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data;

public static class DepartmentFilters
{
    /// <summary>The departments that exist in <paramref name="year"/> (<see cref="Department.IsActiveIn"/>, in SQL), in booklet order.</summary>
    public static IQueryable<Department> ActiveIn(this IQueryable<Department> departments, FiscalYear year) =>
        departments
            .Where(d => (d.FromYear == null || d.FromYear <= year) && (d.SucceededAsOf == null || d.SucceededAsOf > year))
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id);

    /// <summary>The departments of today's organisation: those no reorganization has replaced.</summary>
    public static IQueryable<Department> Current(this IQueryable<Department> departments) =>
        departments.Where(d => d.SuccessorId == null).OrderBy(d => d.SortOrder).ThenBy(d => d.Id);
}
