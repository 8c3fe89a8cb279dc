using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets;

/// <summary>
/// The booklet as an Excel workbook: a 一覧 (for a whole booklet), then one worksheet per plan laid out like the
/// printed A4 sheet, each printing on one page. Stateless, so one instance serves every request.
/// </summary>
public sealed class ExcelBookletWriter : IBookletExcelWriter
{
    public byte[] Write(BookletDocument booklet)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = ExcelLook.FontName;
        workbook.Style.Font.FontSize = ExcelLook.FontSize;
        workbook.Properties.Title = booklet.Title;
        workbook.Properties.Subject = booklet.Theme;
        workbook.Properties.Company = "本庄市";

        if (!booklet.IsSinglePlan)
        {
            ContentsWorksheet.Write(workbook, booklet);
        }

        foreach (var sheet in booklet.Sheets)
        {
            PlanWorksheet.Write(workbook, booklet, sheet);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        PackageFixes.Apply(stream);
        return stream.ToArray();
    }
}
