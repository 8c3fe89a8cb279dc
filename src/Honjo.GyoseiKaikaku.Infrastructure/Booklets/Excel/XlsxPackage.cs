using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

/// <summary>
/// Writes an .xlsx package (SpreadsheetML in a zip) straight from <see cref="SheetModel"/>s: each worksheet is
/// streamed into the package as soon as it is added, then the shared strings, the cell formats, the workbook (sheet
/// list, print areas, print titles) and the document properties. Written directly rather than through ClosedXML,
/// whose object model and save cost about 10 ms a sheet (ADR 0032); what is written is what ClosedXML wrote for the
/// same booklet, with the print references quoted and absolute and the columns in order from the start.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    /// <summary>The width ClosedXML (and Excel) adds to a column's width in digits: the cell's padding.</summary>
    private const double ColumnWidthPadding = 0.710625;

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false };

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly List<string> _stringList = [];
    private readonly List<(string Name, PageSetup? Page, int RepeatedRow)> _sheets = [];
    private int _stringReferences;

    public XlsxPackage(Stream output) => _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);

    public StyleTable Styles { get; } = new();

    /// <summary>Writes <paramref name="sheet"/> into the package as its next worksheet.</summary>
    public void Add(SheetModel sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        _sheets.Add((sheet.Name, sheet.Page, sheet.RepeatedRow));
        Part($"xl/worksheets/sheet{_sheets.Count.ToString(CultureInfo.InvariantCulture)}.xml", xml => WriteSheet(xml, sheet));
    }

    /// <summary>Writes the parts that list the worksheets; the package is complete once disposed.</summary>
    public void Finish(string title, string subject, string company)
    {
        Part("xl/sharedStrings.xml", WriteStrings);
        Part("xl/styles.xml", Styles.Write);
        Part("xl/workbook.xml", WriteWorkbook);
        Part("xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            for (var i = 1; i <= _sheets.Count; i++)
            {
                Relationship(xml, $"rId{i}", OfficeRelationship + "worksheet", $"worksheets/sheet{i}.xml");
            }

            Relationship(xml, "rIdStyles", OfficeRelationship + "styles", "styles.xml");
            Relationship(xml, "rIdStrings", OfficeRelationship + "sharedStrings", "sharedStrings.xml");
            xml.WriteEndElement();
        });
        Part("docProps/core.xml", xml =>
        {
            xml.WriteStartElement("cp", "coreProperties", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
            xml.WriteAttributeString("xmlns", "dc", null, "http://purl.org/dc/elements/1.1/");
            xml.WriteElementString("dc", "title", "http://purl.org/dc/elements/1.1/", title);
            xml.WriteElementString("dc", "subject", "http://purl.org/dc/elements/1.1/", subject);
            xml.WriteEndElement();
        });
        Part("docProps/app.xml", xml =>
        {
            xml.WriteStartElement("Properties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
            xml.WriteElementString("Application", "Microsoft Excel");
            xml.WriteElementString("Company", company);
            xml.WriteEndElement();
        });
        Part("_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            Relationship(xml, "rIdWorkbook", OfficeRelationship + "officeDocument", "xl/workbook.xml");
            Relationship(xml, "rIdCore", PackageRelationships + "/metadata/core-properties", "docProps/core.xml");
            Relationship(xml, "rIdApp", OfficeRelationship + "extended-properties", "docProps/app.xml");
            xml.WriteEndElement();
        });
        Part("[Content_Types].xml", xml =>
        {
            xml.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, "xml", "application/xml");
            Override(xml, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            for (var i = 1; i <= _sheets.Count; i++)
            {
                Override(xml, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }

            Override(xml, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            Override(xml, "/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
            Override(xml, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
            Override(xml, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
            xml.WriteEndElement();
        });
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>"A1" for row 1, column 1.</summary>
    public static string Reference(int row, int column) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = string.Empty;
        while (column > 0)
        {
            var rest = (column - 1) % 26;
            name = (char)('A' + rest) + name;
            column = (column - rest - 1) / 26;
        }

        return name;
    }

    private void Part(string path, Action<XmlWriter> write)
    {
        var entry = _zip.CreateEntry(path, CompressionLevel.Fastest);
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private void WriteSheet(XmlWriter xml, SheetModel sheet)
    {
        var lastColumn = sheet.ColumnWidths.Count;
        var lastRow = sheet.Rows.Count == 0 ? 1 : sheet.Rows[^1].Number;
        xml.WriteStartElement("worksheet", Main);
        xml.WriteAttributeString("xmlns", "r", null, RelationshipsNs);

        if (sheet.Page is not null)
        {
            xml.WriteStartElement("sheetPr");
            xml.WriteStartElement("pageSetUpPr");
            xml.WriteAttributeString("fitToPage", "1");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteStartElement("dimension");
        xml.WriteAttributeString("ref", $"A1:{Reference(lastRow, lastColumn)}");
        xml.WriteEndElement();

        xml.WriteStartElement("sheetViews");
        xml.WriteStartElement("sheetView");
        xml.WriteAttributeString("showGridLines", "0");
        if (_sheets.Count == 1)
        {
            xml.WriteAttributeString("tabSelected", "1");
        }

        xml.WriteAttributeString("workbookViewId", "0");
        if (sheet.FrozenRows > 0)
        {
            xml.WriteStartElement("pane");
            xml.WriteAttributeString("ySplit", Number(sheet.FrozenRows));
            xml.WriteAttributeString("topLeftCell", Reference(sheet.FrozenRows + 1, 1));
            xml.WriteAttributeString("activePane", "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("sheetFormatPr");
        xml.WriteAttributeString("defaultRowHeight", "15");
        xml.WriteEndElement();

        xml.WriteStartElement("cols");
        var first = 1;
        for (var i = 1; i <= lastColumn; i++)
        {
            // Neighbouring columns of one width are one <col>, as Excel writes them.
            if (i == lastColumn || sheet.ColumnWidths[i] != sheet.ColumnWidths[i - 1])
            {
                Column(xml, first, i, sheet.ColumnWidths[i - 1] + ColumnWidthPadding);
                first = i + 1;
            }
        }

        Column(xml, lastColumn + 1, 16384, 9.140625);
        xml.WriteEndElement();

        xml.WriteStartElement("sheetData");
        foreach (var row in sheet.Rows)
        {
            xml.WriteStartElement("row");
            xml.WriteAttributeString("r", Number(row.Number));
            xml.WriteAttributeString("ht", Number(row.Height));
            xml.WriteAttributeString("customHeight", "1");
            foreach (var cell in row.Cells)
            {
                xml.WriteStartElement("c");
                xml.WriteAttributeString("r", Reference(row.Number, cell.Column));
                xml.WriteAttributeString("s", Number(cell.Style));
                if (cell.Number is { } number)
                {
                    xml.WriteElementString("v", Number(number));
                }
                else if (!string.IsNullOrEmpty(cell.Text))
                {
                    xml.WriteAttributeString("t", "s");
                    xml.WriteElementString("v", Number(StringIndex(cell.Text)));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        if (sheet.Merges.Count > 0)
        {
            xml.WriteStartElement("mergeCells");
            xml.WriteAttributeString("count", Number(sheet.Merges.Count));
            foreach (var merge in sheet.Merges)
            {
                xml.WriteStartElement("mergeCell");
                xml.WriteAttributeString("ref", $"{Reference(merge.FirstRow, merge.FirstColumn)}:{Reference(merge.LastRow, merge.LastColumn)}");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (sheet.Links.Count > 0)
        {
            xml.WriteStartElement("hyperlinks");
            foreach (var link in sheet.Links)
            {
                xml.WriteStartElement("hyperlink");
                xml.WriteAttributeString("ref", Reference(link.Row, link.Column));
                xml.WriteAttributeString("location", link.Location);
                xml.WriteAttributeString("display", link.Display);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (sheet.Page is { } page)
        {
            xml.WriteStartElement("printOptions");
            xml.WriteAttributeString("horizontalCentered", "1");
            xml.WriteEndElement();

            xml.WriteStartElement("pageMargins");
            xml.WriteAttributeString("left", Number(PageSetup.Left));
            xml.WriteAttributeString("right", Number(PageSetup.Right));
            xml.WriteAttributeString("top", Number(PageSetup.Top));
            xml.WriteAttributeString("bottom", Number(PageSetup.Bottom));
            xml.WriteAttributeString("header", Number(PageSetup.Header));
            xml.WriteAttributeString("footer", Number(PageSetup.Footer));
            xml.WriteEndElement();

            xml.WriteStartElement("pageSetup");
            xml.WriteAttributeString("paperSize", "9");
            xml.WriteAttributeString("firstPageNumber", Number(page.FirstPage));
            xml.WriteAttributeString("fitToWidth", "1");
            xml.WriteAttributeString("fitToHeight", page.OnePage ? "1" : "0");
            xml.WriteAttributeString("orientation", "portrait");
            xml.WriteAttributeString("useFirstPageNumber", "1");
            xml.WriteEndElement();

            xml.WriteStartElement("headerFooter");
            xml.WriteElementString("oddHeader", page.HeaderText);
            xml.WriteElementString("oddFooter", PageSetup.FooterText);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private void WriteStrings(XmlWriter xml)
    {
        xml.WriteStartElement("sst", Main);
        xml.WriteAttributeString("count", Number(_stringReferences));
        xml.WriteAttributeString("uniqueCount", Number(_stringList.Count));
        foreach (var text in _stringList)
        {
            xml.WriteStartElement("si");
            xml.WriteStartElement("t");
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal)))
            {
                xml.WriteAttributeString("xml", "space", null, "preserve");
            }

            xml.WriteString(text);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private void WriteWorkbook(XmlWriter xml)
    {
        xml.WriteStartElement("workbook", Main);
        xml.WriteAttributeString("xmlns", "r", null, RelationshipsNs);
        xml.WriteStartElement("bookViews");
        xml.WriteStartElement("workbookView");
        xml.WriteAttributeString("activeTab", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("sheets");
        for (var i = 0; i < _sheets.Count; i++)
        {
            xml.WriteStartElement("sheet");
            xml.WriteAttributeString("name", _sheets[i].Name);
            xml.WriteAttributeString("sheetId", Number(i + 1));
            xml.WriteAttributeString("id", RelationshipsNs, $"rId{i + 1}");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("definedNames");
        for (var i = 0; i < _sheets.Count; i++)
        {
            var (name, page, repeated) = _sheets[i];
            var quoted = ExcelText.QuoteSheetName(name);
            if (page is not null)
            {
                DefinedName(xml, "_xlnm.Print_Area", i, $"{quoted}!$A$1:${ColumnName(page.LastColumn)}${Number(page.LastRow)}");
            }

            if (repeated > 0)
            {
                DefinedName(xml, "_xlnm.Print_Titles", i, $"{quoted}!${Number(repeated)}:${Number(repeated)}");
            }
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private int StringIndex(string text)
    {
        _stringReferences++;
        if (!_strings.TryGetValue(text, out var index))
        {
            index = _stringList.Count;
            _stringList.Add(text);
            _strings[text] = index;
        }

        return index;
    }

    private static void DefinedName(XmlWriter xml, string name, int sheet, string reference)
    {
        xml.WriteStartElement("definedName");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("localSheetId", Number(sheet));
        xml.WriteString(reference);
        xml.WriteEndElement();
    }

    private static void Column(XmlWriter xml, int min, int max, double width)
    {
        xml.WriteStartElement("col");
        xml.WriteAttributeString("min", Number(min));
        xml.WriteAttributeString("max", Number(max));
        xml.WriteAttributeString("width", Number(width));
        xml.WriteAttributeString("style", Number(StyleTable.DefaultIndex));
        xml.WriteAttributeString("customWidth", "1");
        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship");
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private static void Default(XmlWriter xml, string extension, string type)
    {
        xml.WriteStartElement("Default");
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", type);
        xml.WriteEndElement();
    }

    private static void Override(XmlWriter xml, string part, string type)
    {
        xml.WriteStartElement("Override");
        xml.WriteAttributeString("PartName", part);
        xml.WriteAttributeString("ContentType", type);
        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
