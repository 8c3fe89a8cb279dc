using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Infrastructure.Booklets.Excel;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets;

/// <summary>
/// The booklet as an Excel workbook: a 一覧 (for a whole booklet), then one worksheet per plan laid out like the
/// printed A4 sheet, each printing on one page. The package is written directly (<see cref="XlsxPackage"/>, ADR 0032),
/// each sheet streamed as it is laid out. Stateless, so one instance serves every request.
/// </summary>
public sealed class ExcelBookletWriter : IBookletExcelWriter
{
    /// <summary>Progress is told every this many sheets (and at the end), not for each one.</summary>
    private const int ProgressEvery = 16;

    public byte[] Write(BookletDocument booklet) => Write(booklet, null);

    public byte[] Write(BookletDocument booklet, IProgress<BookletProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(booklet);
        var sheets = booklet.Sheets.ToList();
        using var stream = new MemoryStream();
        using (var package = new XlsxPackage(stream))
        {
            if (!booklet.IsSinglePlan)
            {
                progress?.Report(new BookletProgress(0, sheets.Count, "一覧を作成中"));
                package.Add(ContentsWorksheet.Write(package.Styles, booklet));
            }

            for (var i = 0; i < sheets.Count; i++)
            {
                package.Add(PlanWorksheet.Write(package.Styles, booklet, sheets[i]));
                if ((i + 1) % ProgressEvery == 0)
                {
                    progress?.Report(new BookletProgress(i + 1, sheets.Count, "シートを作成中"));
                }
            }

            progress?.Report(new BookletProgress(sheets.Count, sheets.Count, "ファイルにまとめています"));
            package.Finish(booklet.Title, booklet.Theme, "本庄市");
        }

        return stream.ToArray();
    }
}
