using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

/// <summary>
/// Repairs two things ClosedXML 0.95.4 writes wrongly, on the saved package:
/// print titles and print areas with an unquoted sheet name and relative rows (<c>一覧!2:2</c>, which LibreOffice
/// ignores) become <c>'一覧'!$2:$2</c>; and the <c>&lt;col&gt;</c> elements, written out of order once a
/// workbook-wide style is set (invalid by the schema; LibreOffice drops the widths), are sorted.
/// A worksheet's columns are sorted in its XML text (every sheet needs it, and parsing a thousand sheets into the
/// OpenXML DOM and writing them back took a third of a large booklet's time); the DOM is the fallback for XML the
/// text form does not recognise. The package is not saved automatically, which would rewrite every loaded part.
/// </summary>
internal static partial class PackageFixes
{
    private static readonly HashSet<string> PrintNames = ["_xlnm.Print_Titles", "_xlnm.Print_Area"];

    public static void Apply(Stream package)
    {
        using var document = SpreadsheetDocument.Open(package, isEditable: true, new OpenSettings { AutoSave = false });
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("The workbook has no workbook part.");
        if (workbookPart.Workbook.DefinedNames is { } names)
        {
            foreach (var name in names.Elements<DefinedName>().Where(n => n.Name?.Value is { } v && PrintNames.Contains(v)))
            {
                name.Text = AbsoluteReference(name.Text);
            }

            workbookPart.Workbook.Save();
        }

        foreach (var worksheetPart in workbookPart.WorksheetParts)
        {
            SortColumns(worksheetPart);
        }
    }

    /// <summary>
    /// "一覧!2:2" → "'一覧'!$2:$2", "'1-9'!A1:F20" → "'1-9'!$A$1:$F$20"; several areas separated by commas each so.
    /// </summary>
    public static string AbsoluteReference(string reference)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < reference.Length)
        {
            if (result.Length > 0)
            {
                result.Append(',');
            }

            var sheet = new StringBuilder();
            if (reference[i] == '\'')
            {
                i++;
                while (i < reference.Length && !(reference[i] == '\'' && (i + 1 >= reference.Length || reference[i + 1] != '\'')))
                {
                    sheet.Append(reference[i]);
                    i += reference[i] == '\'' ? 2 : 1;
                }

                i++;
            }
            else
            {
                while (i < reference.Length && reference[i] != '!')
                {
                    sheet.Append(reference[i++]);
                }
            }

            if (i >= reference.Length || reference[i] != '!')
            {
                throw new FormatException($"Not a sheet reference: {reference}");
            }

            i++;
            var end = reference.IndexOf(',', i);
            end = end < 0 ? reference.Length : end;
            var area = reference[i..end];
            i = end + 1;

            result.Append(ExcelText.QuoteSheetName(sheet.ToString())).Append('!')
                .Append(string.Join(':', area.Split(':').Select(AbsolutePart)));
        }

        return result.ToString();
    }

    private static string AbsolutePart(string part)
    {
        var match = CellPart().Match(part);
        if (!match.Success)
        {
            throw new FormatException($"Not a cell, row or column reference: {part}");
        }

        var column = match.Groups["column"].Value;
        var row = match.Groups["row"].Value;
        return (column.Length > 0 ? "$" + column : string.Empty) + (row.Length > 0 ? "$" + row : string.Empty);
    }

    private static void SortColumns(WorksheetPart worksheetPart)
    {
        string xml;
        bool byteOrderMark;
        using (var reader = new StreamReader(worksheetPart.GetStream(FileMode.Open, FileAccess.Read), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            xml = reader.ReadToEnd();
            byteOrderMark = reader.CurrentEncoding.GetPreamble().Length > 0;
        }

        switch (SortColumnsText(xml))
        {
            case { } sorted when !ReferenceEquals(sorted, xml):
                using (var writer = new StreamWriter(worksheetPart.GetStream(FileMode.Create, FileAccess.Write), new UTF8Encoding(byteOrderMark)))
                {
                    writer.Write(sorted);
                }

                break;
            case null:
                if (worksheetPart.Worksheet.GetFirstChild<Columns>() is { } columns && SortColumns(columns))
                {
                    worksheetPart.Worksheet.Save();
                }

                break;
        }
    }

    /// <summary>
    /// <paramref name="xml"/> with its <c>&lt;col&gt;</c> elements ordered by their first column (the same string
    /// when they already are), or null when its <c>&lt;cols&gt;</c> element is not the plain list of empty
    /// <c>&lt;col .../&gt;</c> elements ClosedXML writes.
    /// </summary>
    private static string? SortColumnsText(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var block = ColumnsBlock().Match(xml);
        if (!block.Success)
        {
            return xml.Contains(":cols", StringComparison.Ordinal) || xml.Contains("<cols", StringComparison.Ordinal) ? null : xml;
        }

        var inner = block.Groups["inner"];
        var columns = ColumnElement().Matches(inner.Value);
        if (columns.Sum(c => c.Length) != inner.Length)
        {
            return null;
        }

        var ordered = columns.OrderBy(c => long.Parse(c.Groups["min"].ValueSpan, CultureInfo.InvariantCulture)).ToList();
        return ordered.SequenceEqual(columns)
            ? xml
            : string.Concat(xml.AsSpan(0, inner.Index), string.Concat(ordered.Select(c => c.Value)), xml.AsSpan(inner.Index + inner.Length));
    }

    /// <summary>Orders the columns by their first column; returns whether anything moved.</summary>
    private static bool SortColumns(Columns columns)
    {
        var current = columns.Elements<Column>().ToList();
        var sorted = current.OrderBy(c => c.Min?.Value ?? 0).ToList();
        if (current.SequenceEqual(sorted))
        {
            return false;
        }

        columns.RemoveAllChildren<Column>();
        foreach (var column in sorted)
        {
            columns.Append(column);
        }

        return true;
    }

    [GeneratedRegex(@"<(?<prefix>\w+:|)cols>(?<inner>.*?)</\k<prefix>cols>", RegexOptions.Singleline)]
    private static partial Regex ColumnsBlock();

    [GeneratedRegex(@"\s*<(\w+:)?col\s[^<>]*?\bmin=""(?<min>[0-9]+)""[^<>]*/>\s*")]
    private static partial Regex ColumnElement();

    [GeneratedRegex(@"^\$?(?<column>[A-Za-z]{0,3})\$?(?<row>[0-9]*)$")]
    private static partial Regex CellPart();
}
