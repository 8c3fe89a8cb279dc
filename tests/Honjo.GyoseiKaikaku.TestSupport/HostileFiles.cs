using System.IO.Compression;
using System.Text;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>Files an upload must refuse, built on the spot.</summary>
public static class HostileFiles
{
    /// <summary>
    /// A zip shaped like an xlsx whose one sheet inflates to <paramref name="inflatedBytes"/> of zeros. The zeros are
    /// streamed into the compressor a megabyte at a time, never held whole: 200 MB compresses to about 200 KB.
    /// </summary>
    public static byte[] ZipBomb(long inflatedBytes = 200L * 1024 * 1024)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddText(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            AddText(zip, "xl/workbook.xml", "<workbook/>");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < inflatedBytes; written += zeros.Length)
            {
                sheet.Write(zeros, 0, (int)Math.Min(zeros.Length, inflatedBytes - written));
            }
        }

        return output.ToArray();
    }

    /// <summary>A small, valid zip with <paramref name="count"/> tiny entries besides the two an xlsx must have.</summary>
    public static byte[] ManyEntries(int count)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddText(zip, "[Content_Types].xml", "<Types/>");
            AddText(zip, "xl/workbook.xml", "<workbook/>");
            for (var i = 0; i < count; i++)
            {
                AddText(zip, $"xl/parts/part{i}.xml", "<x/>");
            }
        }

        return output.ToArray();
    }

    /// <summary>The start of a zip followed by garbage: what a truncated or damaged download looks like.</summary>
    public static byte[] CorruptZip()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x50;
        bytes[1] = 0x4B;
        bytes[2] = 0x03;
        bytes[3] = 0x04;
        return bytes;
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Text() => Encoding.UTF8.GetBytes("取組状況報告,年度末評価\n交付件数は17,000件,A\n");

    private static void AddText(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
