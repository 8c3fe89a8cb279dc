using System.IO.Compression;
using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests.Workbooks;

public sealed class UploadGuardTests
{
    private readonly UploadGuard _guard = new(new UploadLimits());

    [Fact]
    public void A_workbook_written_by_the_application_is_accepted()
    {
        var check = _guard.Check(SampleWorkbooks.Written());

        Assert.True(check.IsAccepted, check.Message);
    }

    [Fact]
    public void A_zip_bomb_of_200_MB_of_zeros_is_refused_from_its_entries_without_being_inflated()
    {
        var bomb = HostileFiles.ZipBomb(200L * 1024 * 1024);
        Assert.InRange(bomb.Length, 1, 2 * 1024 * 1024);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var check = _guard.Check(bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.False(check.IsAccepted);
        Assert.StartsWith(UploadGuard.BombMessage, check.Message, StringComparison.Ordinal);
        Assert.Contains("xl/worksheets/sheet1.xml", check.Message, StringComparison.Ordinal);
        // Judged from the central directory: nothing near the 200 MB it would inflate to is ever allocated.
        Assert.True(allocated < 20 * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void Entries_that_inflate_past_the_total_cap_are_refused_even_when_each_ratio_is_modest()
    {
        var guard = new UploadGuard(new UploadLimits { MaxUncompressedBytes = 1024 * 1024, RatioFloorBytes = long.MaxValue });
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "xl/workbook.xml", "xl/a.xml", "xl/b.xml" })
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(new byte[600 * 1024]);
            }
        }

        var check = guard.Check(output.ToArray());

        Assert.False(check.IsAccepted);
        Assert.StartsWith(UploadGuard.BombMessage, check.Message, StringComparison.Ordinal);
        Assert.Contains("上限1MB", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_with_too_many_entries_is_refused()
    {
        var check = _guard.Check(HostileFiles.ManyEntries(600));

        Assert.False(check.IsAccepted);
        Assert.Contains("部品が602個、上限500個", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_cap_is_refused_with_the_cap()
    {
        var check = _guard.Check(new byte[(2 * 1024 * 1024) + 1]);

        Assert.False(check.IsAccepted);
        Assert.Contains("取り込めるファイルは2MBまでです。", check.Message, StringComparison.Ordinal);
        Assert.True(_guard.IsTooLarge((2 * 1024 * 1024) + 1));
        Assert.False(_guard.IsTooLarge(2 * 1024 * 1024));
    }

    public static TheoryData<string, byte[], string> NotWorkbooks => new()
    {
        { "empty", [], "ファイルが空です。" },
        { "pdf", HostileFiles.Pdf(), "PDFファイルは取り込めません。" },
        { "text", HostileFiles.Text(), "Excelファイル（.xlsx）ではありません。" },
        { "corrupt zip", HostileFiles.CorruptZip(), "ファイルが壊れているため読み込めません。" },
        { "xls or encrypted", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "Excel 97-2003形式（.xls）のファイルや、パスワードを付けたファイルは取り込めません。" },
        { "zip without a workbook", ZipWith("docs/readme.txt"), "ブックの本体が見つかりません" },
    };

    [Theory]
    [MemberData(nameof(NotWorkbooks))]
    public void Files_that_are_not_workbooks_are_refused_with_what_they_are(string kind, byte[] content, string message)
    {
        var check = _guard.Check(content);

        Assert.False(check.IsAccepted, kind);
        Assert.Contains(message, check.Message, StringComparison.Ordinal);
    }

    private static byte[] ZipWith(string name)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write("hello"u8);
        }

        return output.ToArray();
    }
}
