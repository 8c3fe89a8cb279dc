using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>
/// Reads the quantity of a yearly target (各年度達成目標) when, and only when, the text states exactly one clear
/// quantity. Anything else stays text only; nothing is guessed. The rules (see docs/decisions/0011-numeric-targets.md):
/// <list type="number">
/// <item>The target is one line. A leading bullet 「・」 is ignored. Multi-line targets combine several goals and
/// stay text only.</item>
/// <item>The line is 「名前：数値単位[以上|以下|未満|まで]」 and nothing else (a final 「。」 is allowed). The name
/// before the colon (：or :) becomes <see cref="TargetQuantity.Label"/>; the value follows the colon directly
/// (「全体の50%」「年間3回」 stay text only). Full-width digits, 「，」「．」「％」 are read like half-width ones;
/// thousands separators must be well placed; decimals such as 23.9 are read.</item>
/// <item>One trailing reference note starting with 「(参考)」 or 「（参考）」 is not a target and is ignored.</item>
/// <item>The unit is one of <see cref="Units"/>. An unknown unit, a range (「1～2件」), an approximation (「程度」)
/// or a change (「3%増加」) makes the target text only.</item>
/// <item>Direction: 以下・未満・まで → at most; 以上 → at least. Without a qualifier the direction is at least,
/// except that a name holding one of <see cref="LessIsBetterWords"/> (滞納, 残渣) is at most. A name holding a
/// reduction word (減少, 削減, 低減) is at least when the word is followed by 率 (a reduction rate: more is better)
/// and otherwise text only, because the direction cannot be read with certainty.</item>
/// </list>
/// </summary>
public static partial class TargetParser
{
    /// <summary>The units a numeric target may carry.</summary>
    public static IReadOnlyList<string> Units { get; } = ["件", "%", "回", "人", "g", "施設", "事業者", "橋梁"];

    /// <summary>Words naming a measure that is better when smaller.</summary>
    public static IReadOnlyList<string> LessIsBetterWords { get; } = ["滞納", "残渣"];

    /// <summary>Words of reduction whose direction is only clear in 「…率」.</summary>
    public static IReadOnlyList<string> ReductionWords { get; } = ["減少", "削減", "低減"];

    public static bool TryParse(string? text, out TargetQuantity? quantity)
    {
        quantity = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var line = Normalize(text.Trim());
        if (line.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        if (line.StartsWith('・'))
        {
            line = line[1..].TrimStart();
        }

        var match = Pattern().Match(line);
        if (!match.Success)
        {
            return false;
        }

        var label = match.Groups["label"].Value.Trim();
        if (label.Length == 0
            || !decimal.TryParse(match.Groups["value"].Value, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value;
        TargetDirection direction;
        switch (match.Groups["qualifier"].Value)
        {
            case "以上":
                direction = TargetDirection.AtLeast;
                break;
            case "以下" or "未満" or "まで":
                direction = TargetDirection.AtMost;
                break;
            default:
                if (LessIsBetterWords.Any(w => label.Contains(w, StringComparison.Ordinal)))
                {
                    direction = TargetDirection.AtMost;
                }
                else if (ReductionWords.Any(w => label.Contains(w, StringComparison.Ordinal)))
                {
                    if (!ReductionWords.Any(w => label.Contains(w + "率", StringComparison.Ordinal)))
                    {
                        return false;
                    }

                    direction = TargetDirection.AtLeast;
                }
                else
                {
                    direction = TargetDirection.AtLeast;
                }

                break;
        }

        quantity = new TargetQuantity(label, value, unit, direction);
        return true;
    }

    /// <summary>Full-width digits and number signs to half-width, so both are read alike.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            builder.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '，' => ',',
                '．' => '.',
                '％' => '%',
                '：' => ':',
                'ｇ' => 'g',
                _ => c,
            });
        }

        return builder.ToString();
    }

    // label : value unit [qualifier] [。] [(参考)…]
    [GeneratedRegex(@"^(?<label>[^:]+):\s*(?<value>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?<unit>件|%|回|人|g|施設|事業者|橋梁)\s*(?<qualifier>以上|以下|未満|まで)?\s*。?\s*(?:[（(]参考[）)].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
