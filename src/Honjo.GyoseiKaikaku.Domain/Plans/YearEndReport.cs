using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>
/// The year-end record of one plan for one fiscal year: 取組状況報告, 年度末評価 and 次年度に向けた取組方針.
/// </summary>
public sealed class YearEndReport
{
    public const int MaxTextLength = 2000;

    private YearEndReport()
    {
        StatusReport = string.Empty;
        NextYearPolicy = string.Empty;
    }

    internal YearEndReport(FiscalYear year)
        : this()
    {
        Year = year;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public FiscalYear Year { get; private set; }

    /// <summary>取組状況報告.</summary>
    public string StatusReport { get; private set; }

    /// <summary>年度末評価; null until graded.</summary>
    public EvaluationGrade? Grade { get; private set; }

    /// <summary>次年度に向けた取組方針.</summary>
    public string NextYearPolicy { get; private set; }

    public bool IsEmpty => StatusReport.Length == 0 && Grade is null && NextYearPolicy.Length == 0;

    /// <summary>Records a result that is already final, as the booklet printed it (used by the seed import).</summary>
    internal void RecordPublishedResult(string statusReport, EvaluationGrade? grade, string nextYearPolicy)
    {
        StatusReport = Guard.Optional(statusReport, "取組状況報告", MaxTextLength);
        Grade = grade;
        NextYearPolicy = Guard.Optional(nextYearPolicy, "次年度に向けた取組方針", MaxTextLength);
    }
}
