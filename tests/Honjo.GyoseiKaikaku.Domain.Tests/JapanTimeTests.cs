using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

public sealed class JapanTimeTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        // A server far from Japan: the answers must not depend on it.
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    }

    [Theory]
    [InlineData("2025-04-30T14:59:59Z", "2025-04-30")]
    [InlineData("2025-04-30T15:00:00Z", "2025-05-01")]
    [InlineData("2025-12-31T23:00:00Z", "2026-01-01")]
    public void Today_is_the_date_in_Japan_whatever_the_servers_zone(string utc, string expected)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), JapanTime.Today(clock));
    }

    [Theory]
    [InlineData("2026-03-31T14:59:59Z", 7)]
    [InlineData("2026-03-31T15:00:00Z", 8)]
    [InlineData("2025-04-01T00:00:00Z", 7)]
    public void The_fiscal_year_turns_at_midnight_on_1_April_in_Japan(string utc, int reiwa)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new FiscalYear(reiwa), JapanTime.CurrentFiscalYear(clock));
    }

    [Fact]
    public void A_moment_is_printed_in_Japan_time()
    {
        Assert.Equal("2025/04/01 08:59", JapanTime.Stamp(new DateTimeOffset(2025, 3, 31, 23, 59, 0, TimeSpan.Zero)));
        Assert.Equal("2025年4月1日", JapanTime.Date(new DateTimeOffset(2025, 3, 31, 15, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2025年3月31日", JapanTime.Date(new DateTimeOffset(2025, 3, 31, 14, 59, 0, TimeSpan.Zero)));
        Assert.Equal("2026年11月30日", JapanTime.Date(new DateOnly(2026, 11, 30)));
        Assert.Equal(string.Empty, JapanTime.Stamp((DateTimeOffset?)null));
    }
}
