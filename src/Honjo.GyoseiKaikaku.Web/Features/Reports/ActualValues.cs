using System.Globalization;
using System.Text;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Web.Features.Reports;

/// <summary>Reads a 実績値 as typed in the form: half- or full-width digits, thousands separators, decimals, ≥ 0.</summary>
public static class ActualValues
{
    public static bool TryParse(string? input, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var text = new StringBuilder(input.Length);
        foreach (var c in input.Trim())
        {
            text.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '，' => ',',
                '．' => '.',
                _ => c,
            });
        }

        return decimal.TryParse(text.ToString(), NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && value >= 0
            && value <= YearEndReport.MaxActualValue;
    }
}
