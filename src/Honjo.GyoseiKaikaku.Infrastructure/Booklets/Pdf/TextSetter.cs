using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Pdf;

/// <summary>How a run of text prints: its weight, size in points, line height (CSS line-height × size) and colour.</summary>
internal readonly record struct TextStyle(TextWeight Weight, double Size, double LineHeight, PdfColor Color)
{
    public static TextStyle Of(TextWeight weight, double size, double lineHeightFactor, PdfColor color) =>
        new(weight, size, size * lineHeightFactor, color);
}

internal enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>
/// Sets text into line boxes the way the browser does (ADR 0036): lines broken by <see cref="TextLines"/>, each line
/// box the style's line height, the glyphs centred in it by the font's ascent and descent (CSS half-leading).
/// </summary>
internal sealed class TextSetter(FontFamily fonts)
{
    public FontFamily Fonts { get; } = fonts;

    /// <summary>The baseline of a line box of <paramref name="style"/> whose top is at <paramref name="top"/>.</summary>
    public double Baseline(double top, TextStyle style)
    {
        var face = Fonts[style.Weight];
        return top + ((style.LineHeight - ((face.Ascent + face.Descent) * style.Size)) / 2) + (face.Ascent * style.Size);
    }

    /// <summary>The width <paramref name="text"/> is set at: the font's advances, kerned, adjacent punctuation trimmed.</summary>
    public double Width(string text, TextStyle style) => Set(text, style).Width;

    /// <summary>Draws one line of text as the browser sets it (see <see cref="Width"/>).</summary>
    public void Draw(DrawingList drawing, StructureNode? owner, double x, double baseline, string text, TextStyle style)
    {
        var (shifts, _) = Set(text, style);
        drawing.Text(owner, x, baseline, text, style.Weight, style.Size, style.Color, shifts.Count == 0 ? null : shifts);
    }

    private (IReadOnlyList<(int Index, double Em)> Shifts, double Width) Set(string text, TextStyle style)
    {
        var face = Fonts[style.Weight];
        var shifts = TextLines.Shifts(text, face);
        var em = 0.0;
        foreach (var (_, shift) in shifts)
        {
            em += shift;
        }

        return (shifts, face.Width(text, style.Size) + (em * style.Size));
    }

    public IReadOnlyList<string> Lines(string text, TextStyle style, double width, bool preserveBreaks = false) =>
        text.Length == 0 ? [] : TextLines.Break(text, Fonts[style.Weight], style.Size, width, preserveBreaks);

    /// <summary>
    /// Sets <paramref name="text"/> in a box <paramref name="width"/> wide from (<paramref name="x"/>, <paramref name="top"/>)
    /// and returns the height it takes (nothing for an empty text).
    /// </summary>
    public double Paragraph(
        DrawingList drawing, StructureNode? owner, string text, TextStyle style, double x, double top, double width,
        TextAlign align = TextAlign.Left, bool preserveBreaks = false)
    {
        var lines = Lines(text, style, width, preserveBreaks);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineTop = top + (i * style.LineHeight);
            if (line.Length == 0)
            {
                continue;
            }

            var (shifts, lineWidth) = Set(line, style);
            var left = align switch
            {
                TextAlign.Center => x + ((width - lineWidth) / 2),
                TextAlign.Right => x + width - lineWidth,
                _ => x,
            };
            drawing.Text(owner, left, Baseline(lineTop, style), line, style.Weight, style.Size, style.Color, shifts.Count == 0 ? null : shifts);
        }

        return lines.Count * style.LineHeight;
    }

    /// <summary>One line, no wrapping, with CSS letter-spacing after every character (the cover, the 目次 title).</summary>
    public void Spaced(DrawingList drawing, StructureNode? owner, string text, TextStyle style, double x, double baseline, double spacing)
    {
        if (spacing == 0)
        {
            Draw(drawing, owner, x, baseline, text, style);
            return;
        }

        var face = Fonts[style.Weight];
        foreach (var rune in text.EnumerateRunes())
        {
            var glyph = rune.ToString();
            drawing.Text(owner, x, baseline, glyph, style.Weight, style.Size, style.Color);
            x += (face.Advance(rune.Value) * style.Size) + spacing;
        }
    }

    /// <summary>The advance of <paramref name="text"/> with <paramref name="spacing"/> after each character.</summary>
    public double SpacedWidth(string text, TextStyle style, double spacing)
    {
        var count = 0;
        foreach (var unused in text.EnumerateRunes())
        {
            count++;
        }

        return Fonts[style.Weight].Width(text, style.Size) + (count * spacing);
    }
}
