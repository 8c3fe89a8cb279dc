using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Infrastructure.Booklets;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests;

/// <summary>The R6 booklet read by <see cref="BookletReader"/> from a freshly seeded SQLite database, and written once.</summary>
public sealed class ExcelBookletFixture : IAsyncLifetime
{
    private readonly SeededDatabase _database = new();

    public BookletDocument Booklet { get; private set; } = null!;

    public byte[] Workbook { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.NewContext();
        Booklet = await new BookletReader(db).ReadAsync(new FiscalYear(6), Domain.Booklets.BookletStage.Results, CancellationToken.None)
            ?? throw new InvalidOperationException("The seeded database has no R6 edition.");
        Workbook = new ExcelBookletWriter().Write(Booklet);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    public static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    /// <summary>A part of the saved package as XML, read without ClosedXML: what Excel and LibreOffice will read.</summary>
    public static XDocument Part(byte[] bytes, string path)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entry = zip.GetEntry(path) ?? throw new InvalidOperationException($"The package has no {path}.");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    /// <summary>The worksheet parts of the package by sheet name, following the workbook's relationships.</summary>
    public static IReadOnlyDictionary<string, XDocument> SheetParts(byte[] bytes)
    {
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
        var workbook = Part(bytes, "xl/workbook.xml");
        var targets = Part(bytes, "xl/_rels/workbook.xml.rels").Root!.Elements(pkg + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        return workbook.Descendants(main + "sheet").ToDictionary(
            s => (string)s.Attribute("name")!,
            s =>
            {
                var target = targets[(string)s.Attribute(rel + "id")!];
                return Part(bytes, target.StartsWith('/') ? target[1..] : "xl/" + target);
            });
    }
}
