using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>
/// A plan's identity across the 大綱's period: its field and number (<c>1-9</c>) and its year-end reports, one per
/// fiscal year. Each edition holds its own version of the plan's sheet (<see cref="Plan"/>); the reports belong here
/// so the R7 sheet prints the R5 and R6 results whatever changed in between. See ADR 0016.
/// </summary>
public sealed class PlanKey
{
    private readonly List<YearEndReport> _yearEndReports = [];

    private PlanKey()
    {
    }

    internal PlanKey(PlanNumber number)
    {
        FieldNumber = number.Field;
        Number = number.Number;
    }

    public int Id { get; private set; }

    public int FieldNumber { get; private set; }

    public int Number { get; private set; }

    public PlanNumber PlanNumber => new(FieldNumber, Number);

    public IReadOnlyList<YearEndReport> YearEndReports => _yearEndReports;

    public YearEndReport? ReportFor(FiscalYear year) => _yearEndReports.FirstOrDefault(r => r.Year == year);

    internal YearEndReport ReportForOrCreate(FiscalYear year)
    {
        var report = ReportFor(year);
        if (report is null)
        {
            report = new YearEndReport(year);
            _yearEndReports.Add(report);
        }

        return report;
    }
}
