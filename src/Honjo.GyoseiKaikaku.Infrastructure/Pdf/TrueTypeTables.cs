using System.Buffers.Binary;
using System.Text;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>A TrueType font's tables: read from a font file, written back into one (table checksums and head's checksum adjustment).</summary>
public static class TrueTypeTables
{
    /// <summary>Each table of <paramref name="font"/> by tag, as slices of it.</summary>
    public static Dictionary<string, ReadOnlyMemory<byte>> Read(byte[] font)
    {
        var tables = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        int count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + (16 * i), 16);
            tables[Encoding.Latin1.GetString(record[..4])] = font.AsMemory(
                (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }

        return tables;
    }

    /// <summary>The number of glyphs (maxp).</summary>
    public static int GlyphCount(Dictionary<string, ReadOnlyMemory<byte>> font) => BinaryPrimitives.ReadUInt16BigEndian(font["maxp"].Span[4..]);

    /// <summary>
    /// A font file of <paramref name="tables"/> (sorted by tag, each 4-byte aligned, its checksum in the directory);
    /// when <paramref name="adjustHead"/>, head's checkSumAdjustment is set as the specification asks (the table is changed in place).
    /// </summary>
    public static byte[] Write(SortedDictionary<string, byte[]> tables, bool adjustHead = false)
    {
        if (adjustHead && tables.TryGetValue("head", out var headTable))
        {
            BinaryPrimitives.WriteUInt32BigEndian(headTable.AsSpan(8), 0);
        }

        var output = new MemoryStream();
        var header = new byte[12 + (16 * tables.Count)];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)tables.Count);
        var power = 1;
        var log = 0;
        while (power * 2 <= tables.Count)
        {
            power *= 2;
            log++;
        }

        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)((tables.Count * 16) - (power * 16)));
        output.Write(header);
        var i = 0;
        var headOffset = -1;
        foreach (var (tag, data) in tables)
        {
            var record = header.AsSpan(12 + (16 * i++), 16);
            Encoding.Latin1.GetBytes(tag).CopyTo(record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)output.Length);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            headOffset = tag == "head" ? (int)output.Length : headOffset;
            output.Write(data);
            while (output.Length % 4 != 0)
            {
                output.WriteByte(0);
            }
        }

        var bytes = output.ToArray();
        header.CopyTo(bytes, 0);
        if (adjustHead && headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(headOffset + 8), 0xB1B0AFBA - Checksum(bytes));
        }

        return bytes;
    }

    public static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var whole = data.Length & ~3;
        for (var i = 0; i < whole; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        }

        if (whole < data.Length)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++)
            {
                word = (word << 8) | (whole + j < data.Length ? data[whole + j] : 0u);
            }

            sum += word;
        }

        return sum;
    }
}
