using System.Globalization;
using System.Xml;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

/// <summary>
/// The workbook's cell formats: each distinct <see cref="CellLook"/> once, numbered in the order first used. Index 0
/// is the Normal style (Calibri 11, which sets the unit of column widths, as in any new workbook) and index 1 the
/// workbook's own font with nothing else (<see cref="DefaultIndex"/>), the format of every cell not written.
/// </summary>
internal sealed class StyleTable
{
    public const int DefaultIndex = 1;

    private readonly Dictionary<CellLook, int> _indexes = [];
    private readonly List<CellLook> _looks = [];

    public StyleTable() => Index(new CellLook(FontSize: ExcelLook.FontSize));

    public int Index(CellLook look)
    {
        if (!_indexes.TryGetValue(look, out var index))
        {
            index = _looks.Count + 1;
            _looks.Add(look);
            _indexes[look] = index;
        }

        return index;
    }

    public void Write(XmlWriter xml)
    {
        var fonts = new List<(double Size, bool Bold, bool Underline, string Color)>();
        var fills = new List<string>();
        var borders = new List<Lines> { Lines.None };
        int Find<T>(List<T> list, T item)
        {
            var i = list.IndexOf(item);
            if (i < 0)
            {
                list.Add(item);
                i = list.Count - 1;
            }

            return i;
        }

        var xfs = _looks.Select(l => (
            Font: Find(fonts, (l.FontSize, l.Bold, l.Underline, l.FontColor ?? "000000")),
            Fill: l.Fill is null ? 0 : Find(fills, l.Fill) + 2,
            Border: Find(borders, l.Lines),
            Look: l)).ToList();

        xml.WriteStartElement("styleSheet", XlsxPackage.Main);

        StartList(xml, "fonts", fonts.Count + 1);
        WriteFont(xml, 11, false, false, "000000", "Calibri");
        foreach (var (size, bold, underline, color) in fonts)
        {
            WriteFont(xml, size, bold, underline, color, ExcelLook.FontName);
        }

        xml.WriteEndElement();

        StartList(xml, "fills", fills.Count + 2);
        WritePattern(xml, "none", null);
        WritePattern(xml, "gray125", null);
        foreach (var fill in fills)
        {
            WritePattern(xml, "solid", fill);
        }

        xml.WriteEndElement();

        StartList(xml, "borders", borders.Count);
        foreach (var lines in borders)
        {
            WriteBorder(xml, lines);
        }

        xml.WriteEndElement();

        StartList(xml, "cellStyleXfs", 1);
        Empty(xml, "xf", ("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"));
        xml.WriteEndElement();

        StartList(xml, "cellXfs", xfs.Count + 1);
        Empty(xml, "xf", ("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0"));
        foreach (var (font, fill, border, look) in xfs)
        {
            xml.WriteStartElement("xf");
            xml.WriteAttributeString("numFmtId", "0");
            xml.WriteAttributeString("fontId", Count(font + 1));
            xml.WriteAttributeString("fillId", Count(fill));
            xml.WriteAttributeString("borderId", Count(border));
            xml.WriteAttributeString("xfId", "0");
            if (look.QuotePrefix)
            {
                xml.WriteAttributeString("quotePrefix", "1");
            }

            xml.WriteAttributeString("applyFont", "1");
            xml.WriteAttributeString("applyFill", "1");
            xml.WriteAttributeString("applyBorder", "1");
            xml.WriteAttributeString("applyAlignment", "1");
            xml.WriteStartElement("alignment");
            xml.WriteAttributeString("horizontal", look.Horizontal.ToString().ToLowerInvariant());
            xml.WriteAttributeString("vertical", look.Vertical.ToString().ToLowerInvariant());
            if (look.Wrap)
            {
                xml.WriteAttributeString("wrapText", "1");
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        StartList(xml, "cellStyles", 1);
        Empty(xml, "cellStyle", ("name", "Normal"), ("xfId", "0"), ("builtinId", "0"));
        xml.WriteEndElement();

        xml.WriteEndElement();
    }

    private static void WriteFont(XmlWriter xml, double size, bool bold, bool underline, string color, string name)
    {
        xml.WriteStartElement("font");
        if (bold)
        {
            xml.WriteStartElement("b");
            xml.WriteEndElement();
        }

        if (underline)
        {
            xml.WriteStartElement("u");
            xml.WriteAttributeString("val", "single");
            xml.WriteEndElement();
        }

        Value(xml, "sz", size.ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("color");
        xml.WriteAttributeString("rgb", "FF" + color);
        xml.WriteEndElement();
        Value(xml, "name", name);
        Value(xml, "family", "2");
        xml.WriteEndElement();
    }

    private static void WritePattern(XmlWriter xml, string pattern, string? color)
    {
        xml.WriteStartElement("fill");
        xml.WriteStartElement("patternFill");
        xml.WriteAttributeString("patternType", pattern);
        if (color is not null)
        {
            xml.WriteStartElement("fgColor");
            xml.WriteAttributeString("rgb", "FF" + color);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteBorder(XmlWriter xml, Lines lines)
    {
        xml.WriteStartElement("border");
        foreach (var side in (string[])["left", "right", "top", "bottom"])
        {
            var style = lines switch
            {
                Lines.Grid => "thin",
                Lines.MediumBelow when side == "bottom" => "medium",
                _ => null,
            };
            xml.WriteStartElement(side);
            if (style is not null)
            {
                xml.WriteAttributeString("style", style);
                xml.WriteStartElement("color");
                xml.WriteAttributeString("rgb", "FF000000");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("diagonal");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Value(XmlWriter xml, string element, string value) => Empty(xml, element, ("val", value));

    /// <summary>An element with these attributes and nothing inside.</summary>
    private static void Empty(XmlWriter xml, string element, params ReadOnlySpan<(string Name, string Value)> attributes)
    {
        xml.WriteStartElement(element);
        foreach (var (name, value) in attributes)
        {
            xml.WriteAttributeString(name, value);
        }

        xml.WriteEndElement();
    }

    /// <summary>Opens a list element (fonts, fills, borders, cell formats) with the count of what it holds; the caller closes it.</summary>
    private static void StartList(XmlWriter xml, string element, int count)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("count", Count(count));
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
