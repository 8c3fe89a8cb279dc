using System.Globalization;
using System.IO.Compression;

namespace Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

/// <summary>Limits on an uploaded workbook, checked before any spreadsheet library sees the bytes.</summary>
public sealed class UploadLimits
{
    public const string SectionName = "Workbooks:Upload";

    /// <summary>The file itself. A department's workbook is ~20–150 KB; 2 MB leaves room for long texts.</summary>
    public long MaxFileBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Zip entries. A 56-plan workbook re-saved by Excel has about 190 (sheets, their relations, printer settings).</summary>
    public int MaxEntries { get; set; } = 500;

    /// <summary>All entries inflated. ClosedXML holds ~4× the inflated size in memory; a real workbook inflates to a few MB.</summary>
    public long MaxUncompressedBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Inflated size / compressed size of an entry (or of the whole file).</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>The ratio is judged from this inflated size on: a small part of repeated markup may compress very well.</summary>
    public long RatioFloorBytes { get; set; } = 1024 * 1024;
}

/// <summary>The guard's verdict: accepted, or refused with the message to show.</summary>
public sealed record UploadCheck(bool IsAccepted, string? Message)
{
    public static UploadCheck Accepted { get; } = new(true, null);

    public static UploadCheck Refused(string message) => new(false, message);
}

/// <summary>
/// Checks an upload before ClosedXML opens it: size, what kind of file it is, and the zip container's entries
/// (count, inflated size, compression ratio). Nothing bounds how far ClosedXML inflates a package — a 300 KB file
/// inflating to 300 MB took 1.2 GB of memory — so the entries are inflated here first, into nothing, with a budget;
/// the sizes a zip declares are not trusted.
/// </summary>
public sealed class UploadGuard(UploadLimits limits)
{
    public const string BombMessage = "このファイルは展開後のサイズが異常に大きいため（ZIP爆弾の疑い）、取り込みません。";

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PdfSignature = "%PDF"u8.ToArray();

    public UploadLimits Limits => limits;

    /// <summary>"2MB".</summary>
    public string MaxFileText => Megabytes(limits.MaxFileBytes);

    public string TooLargeMessage(long length) =>
        $"ファイルが大きすぎます（{Megabytes(length)}）。取り込めるファイルは{MaxFileText}までです。画像などを貼り付けていないか確認してください。";

    /// <summary>For a body that was cut off while it was read: too large, or the connection broke.</summary>
    public string TooLargeOrIncompleteMessage =>
        $"ファイルが大きすぎるか、最後まで受け取れませんでした。取り込めるファイルは{MaxFileText}までです。もう一度お試しください。";

    /// <summary>Judged from the declared length alone, before the body is read.</summary>
    public bool IsTooLarge(long length) => length > limits.MaxFileBytes;

    public UploadCheck Check(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return UploadCheck.Refused("ファイルが空です。入力したExcelファイルを選んでください。");
        }

        if (IsTooLarge(content.Length))
        {
            return UploadCheck.Refused(TooLargeMessage(content.Length));
        }

        if (content.AsSpan().StartsWith(OleSignature))
        {
            return UploadCheck.Refused(
                "Excel 97-2003形式（.xls）のファイルや、パスワードを付けたファイルは取り込めません。パスワードを外し、「Excelブック（.xlsx）」形式で保存し直してください。");
        }

        if (content.AsSpan().StartsWith(PdfSignature))
        {
            return UploadCheck.Refused("PDFファイルは取り込めません。このシステムからダウンロードしたExcelファイル（.xlsx）を選んでください。");
        }

        if (!content.AsSpan().StartsWith(ZipSignature))
        {
            return UploadCheck.Refused("Excelファイル（.xlsx）ではありません。このシステムからダウンロードしたExcelファイルを選んでください。");
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return CheckEntries(zip, content.Length);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return UploadCheck.Refused(
                "ファイルが壊れているため読み込めません。Excelで開けることを確かめ、「Excelブック（.xlsx）」形式で保存し直してから取り込んでください。");
        }
    }

    private UploadCheck CheckEntries(ZipArchive zip, long fileLength)
    {
        var entries = zip.Entries;
        if (entries.Count > limits.MaxEntries)
        {
            return UploadCheck.Refused(
                $"ファイルの中身が通常のExcelファイルと異なるため（部品が{entries.Count.ToString(CultureInfo.InvariantCulture)}個、上限{limits.MaxEntries.ToString(CultureInfo.InvariantCulture)}個）、取り込みません。");
        }

        // First what the zip declares: cheap, and enough for an honest bomb.
        long declared = 0;
        foreach (var entry in entries)
        {
            declared += entry.Length;
            if (entry.Length >= limits.RatioFloorBytes && entry.Length > Math.Max(1, entry.CompressedLength) * limits.MaxCompressionRatio)
            {
                return Bomb($"「{entry.FullName}」は{Ratio(entry.Length, entry.CompressedLength)}倍に展開されます");
            }

            if (declared > limits.MaxUncompressedBytes)
            {
                return Bomb($"展開すると{Megabytes(declared)}を超えます（上限{Megabytes(limits.MaxUncompressedBytes)}）");
            }
        }

        if (declared >= limits.RatioFloorBytes && declared > fileLength * limits.MaxCompressionRatio)
        {
            return Bomb($"ファイル全体が{Ratio(declared, fileLength)}倍に展開されます");
        }

        var names = entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!names.Contains("[Content_Types].xml") || !names.Contains("xl/workbook.xml"))
        {
            return UploadCheck.Refused("Excelファイル（.xlsx）ではありません（ブックの本体が見つかりません）。このシステムからダウンロードしたExcelファイルを選んでください。");
        }

        // Then what the entries really inflate to: declared sizes can lie.
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in entries)
        {
            using var stream = entry.Open();
            long inflated = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                inflated += read;
                total += read;
                if (inflated > entry.Length || total > limits.MaxUncompressedBytes)
                {
                    return Bomb($"「{entry.FullName}」が申告より大きく展開されます");
                }
            }
        }

        return UploadCheck.Accepted;
    }

    private static UploadCheck Bomb(string detail) => UploadCheck.Refused($"{BombMessage}（{detail}）");

    private static string Ratio(long inflated, long compressed) =>
        (inflated / Math.Max(1, compressed)).ToString("N0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) =>
        (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + "MB";
}
