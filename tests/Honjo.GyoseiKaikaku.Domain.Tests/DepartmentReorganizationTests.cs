using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

/// <summary>組織改正 as of a fiscal year: a successor per replaced department, and the plan versions that follow it.</summary>
public sealed class DepartmentReorganizationTests
{
    private static readonly FiscalYear R6 = new(6);
    private static readonly FiscalYear R7 = new(7);
    private static readonly FiscalYear R8 = new(8);
    private static readonly DateTimeOffset Now = new(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Department _shimin = new("市民課", 3);
    private readonly Department _zeimu = new("課税課", 5);
    private readonly Department _shisho = new("支所市民福祉課", 9);

    private List<Department> All => [_shimin, _zeimu, _shisho];

    [Fact]
    public void A_rename_makes_a_successor_that_exists_from_the_year_and_keeps_the_place_in_the_lists()
    {
        var r = DepartmentReorganization.Rename(_shimin, " 市民生活課 ", R7, "窓口の再編のため", All, "企画課 担当", Now);

        Assert.Equal(ReorganizationKind.Rename, r.Kind);
        Assert.Equal(("市民生活課", 3, (FiscalYear?)R7), (r.Department.Name, r.Department.SortOrder, r.Department.FromYear));
        Assert.Same(r.Department, _shimin.Successor);
        Assert.Equal(R7, _shimin.SucceededAsOf);
        Assert.True(_shimin.IsActiveIn(R6));
        Assert.False(_shimin.IsActiveIn(R7));
        Assert.False(r.Department.IsActiveIn(R6));
        Assert.True(r.Department.IsActiveIn(R8));
        Assert.Equal("窓口の再編のため", r.Reason);
    }

    [Theory]
    [InlineData("課税課", null, "既にあります")]
    [InlineData("", "理由", "新しい部署名を入力してください。")]
    [InlineData("市民生活課", "", "組織改正の理由を入力してください。")]
    public void A_rename_needs_a_new_unused_name_and_a_reason(string name, string? reason, string message)
    {
        var e = Assert.Throws<DomainException>(() => DepartmentReorganization.Rename(_shimin, name, R7, reason ?? "理由", All, "x", Now));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Null(_shimin.SucceededAsOf);
    }

    [Fact]
    public void A_department_is_succeeded_once_and_a_former_name_is_not_reused()
    {
        var first = DepartmentReorganization.Rename(_shimin, "市民生活課", R7, "再編", All, "x", Now);
        var again = Assert.Throws<DomainException>(() => DepartmentReorganization.Rename(_shimin, "市民窓口課", R8, "再編", All, "x", Now));
        Assert.Contains("令和7年度の組織改正で既に別の部署", again.Message, StringComparison.Ordinal);

        var back = Assert.Throws<DomainException>(() => DepartmentReorganization.Rename(first.Department, "市民課", R8, "戻す", [.. All, first.Department], "x", Now));
        Assert.Contains("令和7年度の組織改正までの部署名", back.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_department_established_in_a_year_cannot_be_renamed_in_the_same_year()
    {
        var established = DepartmentReorganization.Establish("DX推進課", R7, "DXの推進のため", All, "x", Now).Department;

        Assert.Equal((10, (FiscalYear?)R7), (established.SortOrder, established.FromYear));
        var e = Assert.Throws<DomainException>(() => DepartmentReorganization.Rename(established, "デジタル推進課", R7, "x", [.. All, established], "x", Now));
        Assert.Contains("同じ年度に名称変更・統合はできません", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merger_into_a_department_that_goes_on_makes_it_the_successor_of_each()
    {
        var r = DepartmentReorganization.Merge([_zeimu, _shisho], _shimin, null, R7, "統合のため", All, "x", Now);

        Assert.Same(_shimin, r.Department);
        Assert.Same(_shimin, _zeimu.Successor);
        Assert.Same(_shimin, _shisho.Successor);
        Assert.Null(_shimin.SucceededAsOf);
    }

    [Fact]
    public void A_merger_into_a_new_name_takes_the_first_place_of_the_merged()
    {
        var r = DepartmentReorganization.Merge([_zeimu, _shisho], null, "税務課", R7, "統合のため", All, "x", Now);

        Assert.Equal(("税務課", 5), (r.Department.Name, r.Department.SortOrder));
        Assert.Same(r.Department, _zeimu.Successor);
    }

    [Fact]
    public void A_merger_refuses_what_cannot_be_meant()
    {
        string Refusal(Func<DepartmentReorganization> act) => Assert.Throws<DomainException>(act).Message;

        Assert.Contains("統合する部署を選んで", Refusal(() => DepartmentReorganization.Merge([], _shimin, null, R7, "x", All, "x", Now)), StringComparison.Ordinal);
        Assert.Contains("統合する部署にも選んでいます", Refusal(() => DepartmentReorganization.Merge([_zeimu, _shimin], _shimin, null, R7, "x", All, "x", Now)), StringComparison.Ordinal);
        Assert.Contains("「名称変更」を選んで", Refusal(() => DepartmentReorganization.Merge([_zeimu], null, "税務課", R7, "x", All, "x", Now)), StringComparison.Ordinal);
        Assert.Contains("どちらか一方", Refusal(() => DepartmentReorganization.Merge([_zeimu], _shimin, "税務課", R7, "x", All, "x", Now)), StringComparison.Ordinal);

        DepartmentReorganization.Rename(_shimin, "市民生活課", R7, "再編", All, "x", Now);
        Assert.Contains("統合先の「市民課」は令和7年度にはありません", Refusal(() => DepartmentReorganization.Merge([_zeimu], _shimin, null, R7, "x", All, "x", Now)), StringComparison.Ordinal);
        Assert.Null(_zeimu.SucceededAsOf);
    }

    [Fact]
    public void The_staff_of_a_department_keep_the_records_of_every_department_it_succeeded()
    {
        // 1 → 2 as of R7, 2 and 3 → 4 as of R8; 5 goes on.
        (int, int?)[] successions = [(1, 2), (2, 4), (3, 4), (4, null), (5, null)];

        Assert.Equal([1, 2, 3, 4], Department.WithPredecessors([4], successions).Order());
        Assert.Equal([1, 2], Department.WithPredecessors([2], successions).Order());
        Assert.Equal([5], Department.WithPredecessors([5], successions).Order());
        Assert.Empty(Department.WithPredecessors([], successions));
    }

    [Fact]
    public void A_plan_version_names_the_successor_in_executing_and_cooperating_departments_once()
    {
        var plan = new Plan(new ReformField(1, "行政サービス改革"), 10, "窓口の改善", new FiscalYear(5), R8, ReformPerspective.ActiveIct);
        plan.SetExecutingDepartments([_shimin, _shisho]);
        plan.SetCooperators([(_zeimu, null), (null, "全庁"), (_shisho, null)], openEnded: true);
        var version = plan.Version;
        var merged = DepartmentReorganization.Merge([_shisho, _zeimu], _shimin, null, R7, "統合", All, "x", Now);

        Assert.True(plan.ApplyReorganization(d => d.Successor ?? d));

        Assert.Equal("市民課", plan.ExecutingDepartmentsText);
        Assert.Equal(["全庁"], plan.Cooperators.OrderBy(c => c.Order).Select(c => c.Label));
        Assert.True(plan.CooperatorsOpenEnded);
        Assert.Equal(version + 1, plan.Version);
        Assert.False(plan.ApplyReorganization(d => d.Successor ?? d));
        Assert.Same(_shimin, merged.Department);
    }

    [Fact]
    public void A_locked_version_keeps_the_old_names()
    {
        var plan = new Plan(new ReformField(1, "行政サービス改革"), 10, "窓口の改善", new FiscalYear(5), R8, ReformPerspective.ActiveIct);
        plan.SetExecutingDepartments([_shimin]);
        plan.Lock();
        DepartmentReorganization.Rename(_shimin, "市民生活課", R7, "再編", All, "x", Now);

        Assert.Throws<DomainException>(() => plan.ApplyReorganization(d => d.Successor ?? d));
        Assert.Equal("市民課", plan.ExecutingDepartmentsText);
    }
}
