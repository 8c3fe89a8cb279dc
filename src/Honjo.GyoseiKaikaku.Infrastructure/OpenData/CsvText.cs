using System.Text;

namespace Honjo.GyoseiKaikaku.Infrastructure.OpenData;

/// <summary>
/// RFC 4180 CSV for Excel: UTF-8 with a byte order mark (so Excel reads it as UTF-8), CRLF between records,
/// fields quoted when they hold a quote, comma or line break, quotes doubled.
/// </summary>
public static class CsvText
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Encodes <paramref name="rows"/> (the header first) as CSV bytes, BOM included.</summary>
    public static byte[] Encode(IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                text.Append(Field(row[i]));
            }

            text.Append("\r\n");
        }

        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ToString())];
    }

    /// <summary>
    /// One field. A value a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading
    /// apostrophe, as OWASP advises for CSV injection; the column dictionary says so.
    /// </summary>
    public static string Field(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny("\",\r\n") >= 0
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }
}
