using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Seeding;
using Honjo.GyoseiKaikaku.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests;

[Collection(SeededDatabaseGroup.Name)]
public sealed class SeedImportTests(SeededDatabase database)
{
    private static readonly FiscalYear R5 = new(5);

    private async Task<Plan> LoadAsync(string id)
    {
        var number = PlanNumber.Parse(id);
        await using var db = database.NewContext();
        return await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Field)
            .Include(p => p.ExecutingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.Cooperators).ThenInclude(c => c.Department)
            .Include(p => p.TextItems)
            .Include(p => p.YearTargets)
            .Include(p => p.Key).ThenInclude(k => k.YearEndReports)
            .SingleAsync(p => p.FieldNumber == number.Field && p.Number == number.Number);
    }

    [Fact]
    public async Task The_three_fields_hold_26_18_and_12_plans()
    {
        await using var db = database.NewContext();

        var counts = await db.Plans.GroupBy(p => p.FieldNumber).Select(g => new { g.Key, Count = g.Count() })
            .OrderBy(x => x.Key).ToListAsync();

        Assert.Equal([(1, 26), (2, 18), (3, 12)], counts.Select(c => (c.Key, c.Count)));
        Assert.Equal(["行政サービス改革", "業務改善・効率化改革", "財政改革"], await db.Fields.OrderBy(f => f.Number).Select(f => f.Name).ToListAsync());
    }

    [Fact]
    public async Task The_R5_grades_are_A14_B26_C10_over_the_50_plans_running_in_R5()
    {
        await using var db = database.NewContext();

        var runningInR5 = await db.Plans.Where(p => p.StartYear <= R5 && p.TargetYear >= R5).CountAsync();
        var grades = await db.YearEndReports.Where(r => r.Year == R5 && r.Grade != null)
            .GroupBy(r => r.Grade).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count);
        var startingInR6 = await db.Plans.Where(p => p.StartYear == new FiscalYear(6))
            .OrderBy(p => p.FieldNumber).ThenBy(p => p.Number).Select(p => new { p.FieldNumber, p.Number }).ToListAsync();

        Assert.Equal(50, runningInR5);
        Assert.Equal(14, grades[EvaluationGrade.A]);
        Assert.Equal(26, grades[EvaluationGrade.B]);
        Assert.Equal(10, grades[EvaluationGrade.C]);
        Assert.Equal(["1-24", "1-25", "1-26", "2-18", "3-11", "3-12"], startingInR6.Select(p => $"{p.FieldNumber}-{p.Number}"));
        Assert.False(await db.YearEndReports.AnyAsync(r => r.Year != R5), "Only R5 results exist in the seed; the R6 year has not ended.");
    }

    [Fact]
    public async Task Plan_1_9_keeps_its_items_targets_grade_and_the_plan_change_note()
    {
        var plan = await LoadAsync("1-9");

        Assert.Equal("コンビニ交付の普及推進", plan.Name);
        Assert.Equal("市民課", plan.ExecutingDepartmentsText);
        Assert.Equal("課税課", plan.CooperatorsText);
        Assert.Equal(ReformPerspective.ActiveIct, plan.Perspective);
        Assert.Equal(["窓口サービスの向上"], plan.Items(PlanTextSection.PolicyMeasure));
        Assert.Equal(
            [
                "○証明書のコンビニ交付は、窓口交付と比較して一部の証明書については手数料が安く、手続きも容易ですが、利用者が少ない現状があります。",
                "○令和3年度のコンビニ交付の交付件数は、3,602件です。",
            ],
            plan.Items(PlanTextSection.CurrentSituation));
        Assert.Equal("証明書のコンビニ交付件数：4,300件", plan.TargetFor(R5));
        Assert.Equal("証明書のコンビニ交付件数：16,800件", plan.TargetFor(new FiscalYear(6)));
        Assert.Equal(EvaluationGrade.A, plan.GradeFor(R5));
        Assert.Equal(
            ["<令和6年度計画変更>", "令和5年度に証明書のコンビニ交付件数が達成目標値を大きく超えたため、令和6年度以降の目標を上方修正しました。"],
            plan.Items(PlanTextSection.Remarks));
    }

    [Fact]
    public async Task Plan_1_1_has_four_separate_action_items_neither_merged_nor_split()
    {
        var plan = await LoadAsync("1-1");

        Assert.Equal(
            [
                "○窓口等にアンケートBOXを一定の期間設置し、市民意見を聴取します。",
                "○電子申請を用いたアンケートを通年で設置し、市民意見を聴取します。",
                "○回収したアンケートを集計し、全庁に掲示板で報告します。",
                "○窓口対応の満足度を高い割合で維持できるよう努めます。",
            ],
            plan.Items(PlanTextSection.Actions));
        Assert.Equal("全庁", plan.CooperatorsText);
        Assert.Null(plan.Cooperators.Single().Department);
    }

    [Fact]
    public async Task Plan_1_12_remarks_keep_the_heading_and_each_bulleted_line()
    {
        var plan = await LoadAsync("1-12");

        Assert.Equal(
            [
                "支所市民福祉課の業務に関連する部署",
                "・市民税務係：課税課、収納課、市民課",
                "・福祉係：地域福祉課、生活支援課、障害福祉課、介護保険課、高齢者福祉課",
                "・保険子育て係：子育て支援課、保育課、保険課、健康推進課、こども家庭センター",
            ],
            plan.Items(PlanTextSection.Remarks));
        Assert.Equal(new FiscalYear(7), plan.TargetYear);
        Assert.Equal(string.Empty, plan.TargetFor(new FiscalYear(8)));
    }

    [Fact]
    public async Task Plan_1_7_targets_are_two_lines_with_the_spaced_letters_joined()
    {
        var plan = await LoadAsync("1-7");

        Assert.Equal("・新たなマップを作成し、市ホームページに掲載\n・LINE配信を2回実施", plan.TargetFor(R5));
        Assert.Equal(ReformPerspective.ActiveIct, plan.Perspective);
    }

    [Fact]
    public async Task Plan_2_18_has_two_executing_departments_and_its_full_width_title()
    {
        var plan = await LoadAsync("2-18");

        Assert.Equal("ペーパーレス「一歩先へ！！」", plan.Name);
        Assert.Equal(["企画課", "情報システム課"], plan.ExecutingDepartments.OrderBy(d => d.Order).Select(d => d.Department.Name));
        Assert.Equal(new FiscalYear(6), plan.StartYear);
        Assert.Equal(new FiscalYear(7), plan.TargetYear);
        Assert.Null(plan.GradeFor(R5));
    }

    [Fact]
    public async Task Plan_2_11_cooperators_are_twelve_departments_ending_in_nado()
    {
        var plan = await LoadAsync("2-11");

        Assert.True(plan.CooperatorsOpenEnded);
        Assert.Equal(12, plan.Cooperators.Count);
        Assert.All(plan.Cooperators, c => Assert.NotNull(c.Department));
        Assert.Equal(
            "財政課、環境推進課、商工観光課、農政課、道路管理課、道路整備課、都市計画課、建築開発課、水道課、下水道課、文化財保護課、農業委員会事務局など",
            plan.CooperatorsText);
    }

    [Fact]
    public async Task The_two_plans_named_online_window_are_distinct_plans_of_different_departments()
    {
        var a = await LoadAsync("1-24");
        var b = await LoadAsync("1-26");

        Assert.Equal("「本庄市オンライン窓口」（電子申請）の活用", a.Name);
        Assert.Equal(a.Name, b.Name);
        Assert.Equal("行政管理課", a.ExecutingDepartmentsText);
        Assert.Equal("高齢者福祉課", b.ExecutingDepartmentsText);
        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public async Task Every_plan_change_note_is_kept_as_its_own_heading_item()
    {
        await using var db = database.NewContext();

        var notes = await db.Plans.Where(p => p.TextItems.Any(i => i.Section == PlanTextSection.Remarks && i.Text == "<令和6年度計画変更>"))
            .OrderBy(p => p.FieldNumber).ThenBy(p => p.Number).Select(p => new { p.FieldNumber, p.Number }).ToListAsync();

        Assert.Equal(["1-9", "1-23", "2-1", "2-2", "2-10", "3-1"], notes.Select(p => $"{p.FieldNumber}-{p.Number}"));
    }

    [Fact]
    public async Task Group_words_are_kept_as_words_not_invented_departments()
    {
        await using var db = database.NewContext();

        var groupWords = await db.Set<PlanCooperator>().Where(c => c.GroupLabel != null).Select(c => c.GroupLabel!).Distinct().ToListAsync();

        Assert.Equal(new[] { "全庁", "関係各課", "各公共施設所管課", "福祉部各課", "庁内各課" }.Order(), groupWords.Order());
        Assert.False(await db.Departments.AnyAsync(d => d.Name == "全庁" || d.Name == "関係各課"));
    }

    [Fact]
    public async Task The_contents_pages_are_those_of_the_printed_booklet()
    {
        await using var db = database.NewContext();
        var edition = await db.Editions.Include(e => e.Entries).Include(e => e.FieldPages).SingleAsync();
        var pages = await db.Plans.Select(p => new { p.Id, p.FieldNumber, p.Number }).ToListAsync();
        int PageOf(int field, int number) => edition.PageOf(pages.Single(p => p.FieldNumber == field && p.Number == number).Id)!.Value;

        Assert.Equal(new FiscalYear(6), edition.Year);
        Assert.Equal("令和6年度 実施計画シート(案)", edition.Title);
        Assert.Equal(56, edition.Entries.Count);
        Assert.Equal([4, 30, 48], edition.FieldPages.OrderBy(f => f.FieldNumber).Select(f => f.Page));
        Assert.Equal(4, PageOf(1, 1));
        Assert.Equal(29, PageOf(1, 26));
        Assert.Equal(47, PageOf(2, 18));
        Assert.Equal(59, PageOf(3, 12));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var db = database.NewContext();
        var before = (await db.Plans.CountAsync(), await db.Set<PlanTextItem>().CountAsync(), await db.Departments.CountAsync());

        var seeded = await new BookletSeeder(db, NullLogger<BookletSeeder>.Instance).SeedIfEmptyAsync(RepoPaths.ReadSeed());

        Assert.False(seeded);
        Assert.Equal(before, (await db.Plans.CountAsync(), await db.Set<PlanTextItem>().CountAsync(), await db.Departments.CountAsync()));
    }
}
