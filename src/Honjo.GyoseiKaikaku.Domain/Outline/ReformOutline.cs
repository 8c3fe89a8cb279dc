using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Outline;

/// <summary>The 行政改革大綱: a five-year reform plan with one theme.</summary>
public sealed class ReformOutline
{
    private ReformOutline()
    {
        Title = string.Empty;
        Theme = string.Empty;
        PeriodLabel = string.Empty;
    }

    public ReformOutline(string title, string theme, FiscalYear startYear, FiscalYear endYear, string periodLabel)
    {
        if (endYear < startYear)
        {
            throw new DomainException("大綱の終了年度は開始年度以降にしてください。");
        }

        Title = Guard.Required(title, "大綱の名称");
        Theme = Guard.Required(theme, "改革テーマ");
        StartYear = startYear;
        EndYear = endYear;
        PeriodLabel = periodLabel;
    }

    public int Id { get; private set; }

    public string Title { get; private set; }

    /// <summary>改革テーマ.</summary>
    public string Theme { get; private set; }

    public FiscalYear StartYear { get; private set; }

    public FiscalYear EndYear { get; private set; }

    /// <summary>As printed on the cover: "令和5年度(2023年度)～令和9年度(2027年度)".</summary>
    public string PeriodLabel { get; private set; }

    public IEnumerable<FiscalYear> Years => FiscalYear.Range(StartYear, EndYear);

    public bool Covers(FiscalYear year) => year >= StartYear && year <= EndYear;
}
