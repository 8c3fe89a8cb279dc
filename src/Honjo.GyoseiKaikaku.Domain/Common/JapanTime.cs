using System.Globalization;

namespace Honjo.GyoseiKaikaku.Domain.Common;

/// <summary>
/// The city's clock. 本庄市 works in Japan time whatever zone the server is set to: "today", a deadline, "late" and
/// every time printed on a page are Asia/Tokyo. Times are stored in UTC; this is the one place that turns them into
/// the city's calendar and clock.
/// </summary>
public static class JapanTime
{
    /// <summary>Asia/Tokyo (UTC+9 all year: Japan has no daylight saving time).</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The current moment in Japan time.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return ToJapan(clock.GetUtcNow());
    }

    /// <summary>Today's date in Japan.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>The fiscal year (April–March) that today, in Japan, falls in.</summary>
    public static FiscalYear CurrentFiscalYear(TimeProvider clock) => FiscalYear.Containing(Today(clock));

    public static DateTimeOffset ToJapan(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    // How the product writes time (docs/dates-and-years.md): a date as 2025年4月1日, a moment as 2025/04/01 09:30,
    // a fiscal year as 令和7年度 (FiscalYear.JapaneseName). Pages, messages, e-mails and exports go through here.

    /// <summary>"2025/04/01 09:30", as every page prints a moment.</summary>
    public static string Stamp(DateTimeOffset moment) =>
        ToJapan(moment).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);

    public static string Stamp(DateTimeOffset? moment) => moment is { } m ? Stamp(m) : string.Empty;

    /// <summary>"2025/04/01 09:30:15", where the second matters (the 操作ログ).</summary>
    public static string StampWithSeconds(DateTimeOffset moment) =>
        ToJapan(moment).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"2025年4月1日": the day, in Japan, on which a moment fell (a publication date).</summary>
    public static string Date(DateTimeOffset moment) => Date(DateOnly.FromDateTime(ToJapan(moment).DateTime));

    /// <summary>"2025年4月1日", as every page, message and export writes a date (a deadline).</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        // IANA ids work on Linux and, with ICU, on Windows; the fixed offset is the same zone where neither is known.
        foreach (var id in new[] { "Asia/Tokyo", "Tokyo Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }

        return TimeZoneInfo.CreateCustomTimeZone("Asia/Tokyo", TimeSpan.FromHours(9), "日本標準時", "日本標準時");
    }
}
