using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

public sealed class FiscalYearTests
{
    [Fact]
    public void Reiwa_6_prints_as_R6_and_as_its_Japanese_name_and_begins_in_2024()
    {
        var year = new FiscalYear(6);

        Assert.Equal("R6", year.ToString());
        Assert.Equal("R6", year.Code);
        Assert.Equal("令和6年度", year.JapaneseName);
        Assert.Equal(2024, year.WesternYear);
    }

    [Fact]
    public void A_fiscal_year_runs_from_April_to_the_following_March()
    {
        var year = new FiscalYear(6);

        Assert.Equal(new DateOnly(2024, 4, 1), year.FirstDay);
        Assert.Equal(new DateOnly(2025, 3, 31), year.LastDay);
        Assert.True(year.Contains(new DateOnly(2025, 3, 31)));
        Assert.False(year.Contains(new DateOnly(2024, 3, 31)));
    }

    [Theory]
    [InlineData(2024, 4, 1, 6)]
    [InlineData(2025, 3, 31, 6)]
    [InlineData(2025, 4, 1, 7)]
    [InlineData(2024, 1, 15, 5)]
    [InlineData(2023, 4, 1, 5)]
    public void The_fiscal_year_of_a_date_counts_January_to_March_in_the_year_before(int y, int m, int d, int reiwa)
    {
        Assert.Equal(new FiscalYear(reiwa), FiscalYear.Containing(new DateOnly(y, m, d)));
    }

    [Theory]
    [InlineData("R6", 6)]
    [InlineData("R 6", 6)]
    [InlineData("r9", 9)]
    [InlineData("Ｒ５", 5)]
    [InlineData("令和6年度", 6)]
    [InlineData("令和元年度", 1)]
    [InlineData(" R 5 ", 5)]
    public void Parses_the_ways_the_booklet_and_people_write_a_year(string text, int reiwa)
    {
        Assert.True(FiscalYear.TryParse(text, out var year));
        Assert.Equal(reiwa, year.Reiwa);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("R")]
    [InlineData("R0")]
    [InlineData("R100")]
    [InlineData("H30")]
    [InlineData("2024")]
    [InlineData("R6; DROP TABLE Plans")]
    public void Refuses_what_is_not_a_Reiwa_fiscal_year(string? text)
    {
        Assert.False(FiscalYear.TryParse(text, out _));
        Assert.Throws<FormatException>(() => FiscalYear.Parse(text ?? string.Empty));
    }

    [Fact]
    public void Years_order_by_time_and_a_range_includes_both_ends()
    {
        var r5 = FiscalYear.Parse("R5");
        var r9 = FiscalYear.Parse("R9");

        Assert.True(r5 < r9);
        Assert.Equal(r9, r5.Next.Next.Next.Next);
        Assert.Equal(["R5", "R6", "R7", "R8", "R9"], FiscalYear.Range(r5, r9).Select(y => y.Code));
        Assert.Equal(FiscalYear.FromWesternYear(2023), r5);
    }
}
