using ClosedXML.Excel;
using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests.Workbooks;

/// <summary>A small department workbook written by the real writer, and edits made to it as a person would in Excel.</summary>
internal static class SampleWorkbooks
{
    public static readonly FiscalYear R6 = new(6);

    // One process-wide protection, as the application has: hashing happens once for all tests.
    public static readonly DepartmentWorkbookWriter Writer = new(new WorkbookProtection());

    public static DepartmentWorkbook Department() => new(
        R6,
        [new WorkbookDepartment(12, "市民課")],
        "user-1",
        "市民課 太郎",
        new DateTimeOffset(2025, 3, 3, 1, 30, 0, TimeSpan.Zero),
        [
            new WorkbookPlan(9, new PlanNumber(1, 9), 3, new WorkbookPlanContent("コンビニ交付の普及推進", "市民課", "証明書のコンビニ交付件数：16,800件"),
                2, ReportStatus.Draft, new WorkbookInputs("交付件数は17,000件。", "A", "")),
            new WorkbookPlan(10, new PlanNumber(1, 10), 0, new WorkbookPlanContent("証明書交付手数料におけるキャッシュレス決済の普及推進", "市民課", "取扱い件数：5,600件\n（窓口）"),
                0, ReportStatus.NotStarted, WorkbookInputs.Empty),
        ]);

    public static byte[] Written() => Writer.Write(Department());

    public static byte[] Edit(byte[] content, Action<XLWorkbook> edit)
    {
        using var book = new XLWorkbook(new MemoryStream(content));
        edit(book);
        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }
}
