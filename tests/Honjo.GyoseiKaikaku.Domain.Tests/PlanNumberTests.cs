using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

public sealed class PlanNumberTests
{
    [Theory]
    [InlineData("1-9", 1, 9)]
    [InlineData("2-18", 2, 18)]
    [InlineData("３-１２", 3, 12)]
    public void Parses_field_and_number(string text, int field, int number)
    {
        var value = PlanNumber.Parse(text);

        Assert.Equal(field, value.Field);
        Assert.Equal(number, value.Number);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1-")]
    [InlineData("-9")]
    [InlineData("0-1")]
    [InlineData("1-0")]
    [InlineData("a-b")]
    [InlineData("1-9-1")]
    [InlineData("1--9")]
    public void Refuses_malformed_numbers(string text)
    {
        Assert.False(PlanNumber.TryParse(text, out _));
    }

    [Fact]
    public void Prints_as_field_dash_number_and_round_trips()
    {
        Assert.Equal("1-24", new PlanNumber(1, 24).ToString());
        Assert.Equal(new PlanNumber(1, 24), PlanNumber.Parse(new PlanNumber(1, 24).ToString()));
    }

    [Fact]
    public void Orders_numerically_by_field_then_number_as_the_booklet_does()
    {
        var shuffled = new[] { "2-1", "1-10", "3-1", "1-9", "1-2", "2-18" }.Select(PlanNumber.Parse);

        var ordered = shuffled.Order().Select(n => n.ToString());

        Assert.Equal(["1-2", "1-9", "1-10", "2-1", "2-18", "3-1"], ordered);
    }
}
