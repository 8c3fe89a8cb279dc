using System.Text;
using ClosedXML.Excel;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

/// <summary>Writes text into cells so that it stays text, whatever the department typed.</summary>
internal static class ExcelText
{
    /// <summary>Excel's limit on the characters of one cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>
    /// Stores <paramref name="text"/> as a string cell. <c>SetValue(string)</c> never turns a string into a formula,
    /// number or date (unlike the <c>Value</c> setter, which reads "1-9" as a date); text that Excel would take for
    /// a formula when the cell is edited (=, +, -, @) also gets the quote prefix, as if typed with a leading apostrophe.
    /// </summary>
    public static IXLCell SetText(this IXLCell cell, string? text)
    {
        var clean = Clean(text);
        cell.SetValue(clean);
        if (LooksLikeFormula(clean))
        {
            cell.Style.IncludeQuotePrefix = true;
        }

        return cell;
    }

    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@';

    /// <summary>Newlines as "\n"; control characters XML cannot carry are dropped; Excel's cell limit is kept.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            if (c == '\n' || c == '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.Length > MaxCellLength ? builder.ToString(0, MaxCellLength) : builder.ToString();
    }

    /// <summary>Items of one section in one cell: one line each, as on the printed sheet.</summary>
    public static string Lines(IEnumerable<string> items) => string.Join('\n', items);

    /// <summary>A header/footer text: '&amp;' starts a code there, so a literal one is doubled.</summary>
    public static string HeaderFooter(string text) => text.Replace("&", "&&", StringComparison.Ordinal);

    /// <summary>A sheet name quoted for a reference: 1-9 → '1-9'.</summary>
    public static string QuoteSheetName(string name) => $"'{name.Replace("'", "''", StringComparison.Ordinal)}'";
}
