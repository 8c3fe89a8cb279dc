using System.Globalization;

namespace Honjo.GyoseiKaikaku.Domain.Common;

/// <summary>
/// A Japanese fiscal year (年度) of the Reiwa era. 令和N年度 begins on 1 April of the Western year 2018+N
/// and ends on 31 March of the following year.
/// </summary>
public readonly record struct FiscalYear : IComparable<FiscalYear>
{
    private const int ReiwaOffset = 2018;

    public FiscalYear(int reiwa)
    {
        if (reiwa < 1 || reiwa > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(reiwa), reiwa, "令和の年は1～99で指定してください。");
        }

        Reiwa = reiwa;
    }

    /// <summary>The Reiwa year number: 6 for 令和6年度.</summary>
    public int Reiwa { get; }

    /// <summary>The Western calendar year in which the fiscal year begins: 2024 for 令和6年度.</summary>
    public int WesternYear => Reiwa + ReiwaOffset;

    /// <summary>The short code used in the booklet and in URLs: "R6".</summary>
    public string Code => $"R{Reiwa.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"令和6年度".</summary>
    public string JapaneseName => $"令和{Reiwa.ToString(CultureInfo.InvariantCulture)}年度";

    public DateOnly FirstDay => new(WesternYear, 4, 1);

    public DateOnly LastDay => new(WesternYear + 1, 3, 31);

    public FiscalYear Next => new(Reiwa + 1);

    public FiscalYear Previous => new(Reiwa - 1);

    public static FiscalYear FromWesternYear(int westernYear) => new(westernYear - ReiwaOffset);

    /// <summary>The fiscal year a date falls in: January to March belong to the year that began the April before.</summary>
    public static FiscalYear Containing(DateOnly date) =>
        FromWesternYear(date.Month >= 4 ? date.Year : date.Year - 1);

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    /// <summary>Every fiscal year from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<FiscalYear> Range(FiscalYear first, FiscalYear last)
    {
        for (var reiwa = first.Reiwa; reiwa <= last.Reiwa; reiwa++)
        {
            yield return new FiscalYear(reiwa);
        }
    }

    /// <summary>Reads "R6", "R 6", "r6", "令和6年度" or "令和6".</summary>
    public static bool TryParse(string? text, out FiscalYear year)
    {
        year = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("\u3000", string.Empty, StringComparison.Ordinal)
            .Normalize(System.Text.NormalizationForm.FormKC);
        string digits;
        if (s.StartsWith('R') || s.StartsWith('r'))
        {
            digits = s[1..];
        }
        else if (s.StartsWith("令和", StringComparison.Ordinal))
        {
            digits = s[2..];
            if (digits.EndsWith("年度", StringComparison.Ordinal))
            {
                digits = digits[..^2];
            }
        }
        else
        {
            return false;
        }

        if (digits == "元")
        {
            digits = "1";
        }

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var reiwa) || reiwa < 1 || reiwa > 99)
        {
            return false;
        }

        year = new FiscalYear(reiwa);
        return true;
    }

    public static FiscalYear Parse(string text) =>
        TryParse(text, out var year) ? year : throw new FormatException($"年度として読めません: '{text}'");

    public int CompareTo(FiscalYear other) => Reiwa.CompareTo(other.Reiwa);

    public static bool operator <(FiscalYear left, FiscalYear right) => left.Reiwa < right.Reiwa;

    public static bool operator >(FiscalYear left, FiscalYear right) => left.Reiwa > right.Reiwa;

    public static bool operator <=(FiscalYear left, FiscalYear right) => left.Reiwa <= right.Reiwa;

    public static bool operator >=(FiscalYear left, FiscalYear right) => left.Reiwa >= right.Reiwa;

    public override string ToString() => Code;
}
