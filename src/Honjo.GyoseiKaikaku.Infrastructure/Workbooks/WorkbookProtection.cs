using System.Security.Cryptography;
using ClosedXML.Excel;

namespace Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

/// <summary>
/// Sheet and workbook protection, hashed once per process. ClosedXML hashes a protection password with 100,000
/// SHA-512 rounds (~43 ms a sheet); a workbook of 20 sheets would spend most of its time there, so the hash is made
/// once and copied. The password is random and never shown: protection only guides people to the input cells; the
/// upload checks every locked cell itself, so nothing depends on the password staying secret.
/// </summary>
public sealed class WorkbookProtection
{
    private readonly Lazy<Templates> _templates;

    public WorkbookProtection()
        : this(RandomNumberGenerator.GetHexString(32))
    {
    }

    public WorkbookProtection(string password)
    {
        _templates = new Lazy<Templates>(() => Create(password), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Locks every cell whose style is locked; people may still select cells and resize rows and columns.</summary>
    public void Protect(IXLWorksheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        sheet.Protection.CopyFrom(_templates.Value.Sheet);
    }

    /// <summary>Locks the structure: sheets cannot be renamed, moved, added, deleted or unhidden.</summary>
    public void Protect(XLWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        workbook.Protect(null, XLProtectionAlgorithm.Algorithm.SHA512, XLWorkbookProtectionElements.Windows)
            .CopyFrom(_templates.Value.Workbook);
    }

    private static Templates Create(string password)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("template").Protect(
            password,
            XLProtectionAlgorithm.Algorithm.SHA512,
            XLSheetProtectionElements.SelectEverything | XLSheetProtectionElements.FormatRows | XLSheetProtectionElements.FormatColumns);
        var book = workbook.Protect(password, XLProtectionAlgorithm.Algorithm.SHA512, XLWorkbookProtectionElements.Windows);
        return new Templates(sheet, book);
    }

    private sealed record Templates(IXLSheetProtection Sheet, IXLWorkbookProtection Workbook);
}
