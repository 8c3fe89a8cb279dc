using System.Text;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

/// <summary>
/// A growing byte buffer for PDF syntax (ADR 0036): ASCII text, integers and "0.###" numbers written straight into it,
/// with no culture, no intermediate strings and no boxing (a 1,000-page booklet writes a few hundred thousand numbers).
/// </summary>
internal sealed class PdfBytes(int capacity = 4096)
{
    private byte[] _buffer = new byte[Math.Max(capacity, 16)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    public void Clear() => Length = 0;

    public PdfBytes Append(string ascii)
    {
        Ensure(ascii.Length);
        for (var i = 0; i < ascii.Length; i++)
        {
            _buffer[Length + i] = (byte)ascii[i];
        }

        Length += ascii.Length;
        return this;
    }

    public PdfBytes Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
        return this;
    }

    public PdfBytes Append(char ascii)
    {
        Ensure(1);
        _buffer[Length++] = (byte)ascii;
        return this;
    }

    public PdfBytes Append(long value)
    {
        Ensure(20);
        if (value < 0)
        {
            _buffer[Length++] = (byte)'-';
            value = -value;
        }

        var start = Length;
        do
        {
            _buffer[Length++] = (byte)('0' + (value % 10));
            value /= 10;
        }
        while (value > 0);

        _buffer.AsSpan(start, Length - start).Reverse();
        return this;
    }

    /// <summary>A number rounded to 3 decimals, without trailing zeros ("12.5", "0.333", "-3").</summary>
    public PdfBytes AppendNumber(double value)
    {
        // A NaN or an infinity would write a broken page: a layout error to find, not a file to give out.
        if (!double.IsFinite(value) || Math.Abs(value) > 1e12)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A PDF number must be finite.");
        }

        var thousandths = (long)Math.Round(value * 1000, MidpointRounding.AwayFromZero);
        if (thousandths < 0)
        {
            Append('-');
            thousandths = -thousandths;
        }

        Append(thousandths / 1000);
        var fraction = (int)(thousandths % 1000);
        if (fraction != 0)
        {
            Ensure(4);
            _buffer[Length++] = (byte)'.';
            var divisor = 100;
            while (fraction != 0)
            {
                _buffer[Length++] = (byte)('0' + (fraction / divisor));
                fraction %= divisor;
                divisor /= 10;
            }
        }

        return this;
    }

    /// <summary>"n 0 R".</summary>
    public PdfBytes AppendReference(int objectNumber) => Append(objectNumber).Append(" 0 R");

    /// <summary>Four hex digits (a glyph id in an Identity-H string).</summary>
    public PdfBytes AppendHex4(int value)
    {
        Ensure(4);
        _buffer[Length++] = Hex(value >> 12);
        _buffer[Length++] = Hex(value >> 8);
        _buffer[Length++] = Hex(value >> 4);
        _buffer[Length++] = Hex(value);
        return this;
    }

    /// <summary>A text string: literal when printable ASCII, else UTF-16BE with a byte order mark in hex.</summary>
    public PdfBytes AppendTextString(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            Append('(');
            foreach (var c in text)
            {
                if (c is '(' or ')' or '\\')
                {
                    Append('\\');
                }

                Append(c);
            }

            return Append(')');
        }

        Append("<FEFF");
        foreach (var c in text)
        {
            AppendHex4(c);
        }

        return Append('>');
    }

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    public override string ToString() => Encoding.Latin1.GetString(Span);

    private static byte Hex(int nibble) => (byte)"0123456789ABCDEF"[nibble & 0xF];

    private void Ensure(int more)
    {
        if (Length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + more));
        }
    }
}
