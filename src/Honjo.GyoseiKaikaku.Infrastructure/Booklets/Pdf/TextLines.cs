using System.Buffers;
using System.Text;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Pdf;

/// <summary>
/// Breaks text into the lines a box of a given width holds, the way the browser breaks the booklet's HTML (ADR 0036):
/// Japanese between any two characters except where 禁則 (kinsoku) forbids it (no line starts with 、。」）ー ッ… and none
/// ends with 「（…), Latin words kept whole where they fit and cut anywhere when a word alone is wider than the box
/// (CSS overflow-wrap: anywhere), a line break in the text kept when preserveBreaks (white-space:
/// pre-wrap), collapsed to a space otherwise.
/// </summary>
/// <remarks>
/// The break opportunities are those of Unicode's line breaking algorithm (UAX #14) as ICU's default rules apply them,
/// which is what Chromium uses for <c>line-break: auto</c>: small kana and ー count as non-starters (the "strict"
/// behaviour). Adjacent full-width punctuation is set half-width (Chromium's <c>text-spacing-trim: normal</c> with the
/// font's halt feature). Glyph advances come from the font's hmtx; pair kerning of Latin is not applied (see the
/// tests for how close this comes to Chromium's own breaks of the R6 booklet).
/// </remarks>
public static class TextLines
{
    /// <summary>Rounding error allowed in comparisons of widths (em).</summary>
    private const double Tolerance = 1e-6;

    /// <summary>
    /// What a closing bracket set half-width at the end of a line keeps beyond half an em: in Chromium a line that fits
    /// only to the exact 1/64 px so does not fit (measured: ああああ」 in 4.5 em breaks, in 4.5 em + 1/64 px it does not).
    /// </summary>
    private const double TrimSlack = 1e-4;

    public static IReadOnlyList<string> Break(string text, FontFace face, double size, double width, bool preserveBreaks = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(face);
        var lines = new List<string>();
        if (text.Length == 0)
        {
            return lines;
        }

        var maxEm = size > 0 ? width / size : double.PositiveInfinity;

        // Chromium takes each glyph's advance from FreeType, in 1/64 px (26.6 fixed point) at a size truncated to
        // 1/64 px: at 8.55 pt (11.4 px) a full-width character is 11.390625 px, not 11.4, and 40 of them are 0.375 px
        // narrower than the font says. Kerning and trimming come from HarfBuzz at the exact size. A line may be less
        // than 1/64 px wider than the box (its width is floored to a LayoutUnit).
        var grid = size > 0 ? size * 96 / 72 * 64 : 0;
        if (preserveBreaks)
        {
            var start = 0;
            while (start <= text.Length)
            {
                var end = text.IndexOfAny(['\n', '\r'], start);
                if (end < 0)
                {
                    // A break at the very end of the text opens no further line.
                    if (start < text.Length)
                    {
                        BreakParagraph(text.AsSpan(start), face, maxEm, grid, true, lines);
                    }

                    break;
                }

                BreakParagraph(text.AsSpan(start, end - start), face, maxEm, grid, true, lines);
                start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
            }
        }
        else
        {
            BreakParagraph(Collapse(text), face, maxEm, grid, false, lines);
        }

        return lines;
    }

    /// <summary>
    /// Where drawing <paramref name="line"/> (one of <see cref="Break"/>'s lines) must move the pen from the font's plain
    /// advances so that it is set as it was measured: before the character at Index, by Em (usually negative) — the
    /// font's pair kerning, and the half em taken off a full-width punctuation mark next to another (a trimmed opening
    /// mark loses its left half: the shift is before it; a trimmed closing mark its right half: the shift is after it).
    /// The line's width is face.Width(line) plus the sum of the shifts times the size.
    /// </summary>
    public static IReadOnlyList<(int Index, double Em)> Shifts(string line, FontFace face)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(face);
        var shifts = new List<(int Index, double Em)>();
        var n = line.Length;
        if (n < 2)
        {
            return shifts;
        }

        using var scratch = new Scratch(n);
        Measure(line, face, scratch.For(line), 0);
        for (var i = 1; i < n; i++)
        {
            if (scratch.Kerns[i] != 0)
            {
                shifts.Add((i, scratch.Kerns[i]));
            }
        }

        return shifts;
    }

    /// <summary>white-space: normal: each run of spaces, tabs and line breaks becomes one space; none at either end.</summary>
    private static ReadOnlySpan<char> Collapse(string text)
    {
        var needed = false;
        for (var i = 0; i < text.Length && !needed; i++)
        {
            needed = IsCollapsible(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i + 1] == ' ');
        }

        if (!needed)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (IsCollapsible(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsCollapsible(char c) => c is ' ' or '\n' or '\r' or '\t';

    /// <summary>Breaks one paragraph (no forced breaks inside) and adds its lines; an empty one adds an empty line.</summary>
    private static void BreakParagraph(ReadOnlySpan<char> text, FontFace face, double maxEm, double grid, bool preserveSpaces, List<string> lines)
    {
        if (text.IsEmpty)
        {
            if (preserveSpaces)
            {
                lines.Add(string.Empty);
            }

            return;
        }

        var n = text.Length;
        using var scratch = new Scratch(n);
        var line = scratch.For(text);
        Measure(text, face, line, grid);
        Fit(line, maxEm, grid > 0 ? 1 / grid : 0, lines);
    }

    /// <summary>
    /// The class and advance (em) of each UTF-16 unit: a character's on its first unit, the second unit of a surrogate
    /// pair is <see cref="LineClass.Trail"/> with no width; and the kerning of each character with the one before it,
    /// which counts when both are on the same line.
    /// </summary>
    private static void Measure(ReadOnlySpan<char> text, FontFace face, Paragraph p, double grid)
    {
        var (classes, advances, kerns, wide) = (p.Classes, p.Advances, p.Kerns, p.Wide);
        var pairs = p.Pairs;
        var previous = -1;
        for (var i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            kerns[i] = 0;
            pairs[i] = 0;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                classes[i + 1] = LineClass.Trail;
                wide[i + 1] = false;
                kerns[i + 1] = pairs[i + 1] = 0;
                advances[i + 1] = 0;
            }

            classes[i] = LineBreakClasses.Of(cp);
            wide[i] = LineBreakClasses.IsEastAsian(cp);
            advances[i] = LineBreakClasses.IsInvisible(cp) ? 0 : face.Advance(cp);
            if (grid > 0)
            {
                advances[i] = Math.Round(advances[i] * Math.Floor(grid + 1e-9)) / grid;
            }
            if (previous >= 0)
            {
                kerns[i] = face.Kern(previous, cp);
            }

            previous = cp;
            if (cp > 0xFFFF)
            {
                i++;
            }
        }

        TrimAdjacentPunctuation(text, advances, kerns, pairs);
    }

    /// <summary>
    /// Chromium's text-spacing-trim: normal with a font that has 'halt': of two adjacent full-width punctuation marks
    /// one is set half-width: a closing mark (、。」）) before another closing mark or a middle dot, an opening mark
    /// (「（) after any punctuation. Like kerning, the half em taken off counts only when both marks are on one line
    /// (an opening mark that starts a line keeps its full width), so it goes to <paramref name="kerns"/> of the second;
    /// a trimmed closing mark also to <paramref name="pairs"/>: it is set half-width even at the end of a line.
    /// </summary>
    private static void TrimAdjacentPunctuation(ReadOnlySpan<char> text, double[] advances, double[] kerns, double[] pairs)
    {
        var previous = HanKerning.None;
        for (var i = 0; i < text.Length; i++)
        {
            var current = KerningOf(text[i]);
            if (current == HanKerning.None)
            {
                previous = current;
                continue;
            }

            if (current == HanKerning.Open && previous != HanKerning.None && advances[i] >= 0.99)
            {
                kerns[i] -= 0.5;
            }
            else if (previous is HanKerning.Close or HanKerning.Dot && current is HanKerning.Close or HanKerning.Dot or HanKerning.Middle
                && advances[i - 1] >= 0.99)
            {
                // The closing mark before is the one set narrower: like kerning, it counts when that mark may end a line.
                kerns[i] -= 0.5;
                pairs[i] -= 0.5;
            }

            previous = current;
        }
    }

    /// <summary>Greedy filling: each line takes the most text up to a break opportunity that fits.</summary>
    private static void Fit(Paragraph p, double maxEm, double slack, List<string> lines)
    {
        var text = p.Text;
        var (classes, advances, kerns) = (p.Classes, p.Advances, p.Kerns);
        var n = text.Length;
        var start = 0;
        while (start < n)
        {
            var width = 0.0;
            var lastBreak = -1;
            var end = n;
            var lastContent = start - 1;
            for (var i = start; i < n; i++)
            {
                if (i > start && lastContent >= start && CanBreakBefore(p, start, i))
                {
                    lastBreak = i;
                }

                var cls = classes[i];
                var advance = advances[i] + (i > start ? kerns[i] : 0);

                // A closing mark set half-width because another follows is measured so even when it ends the line
                // (measured: （注）|・に fits a 2.9 em box, the ） at half width).
                var next = i + 1 < n && classes[i + 1] == LineClass.Trail ? i + 2 : i + 1;
                var kernAfter = next < n ? p.Pairs[next] : 0;
                if (cls == LineClass.Space)
                {
                    // Spaces at the end of a line hang past the edge: they never push text to the next line.
                    width += advance;
                    continue;
                }

                if (width + advance + kernAfter >= maxEm + slack - Tolerance && lastContent >= start && cls != LineClass.Trail)
                {
                    if (advances[i] >= 0.99 && KerningOf(text[i]) == HanKerning.Close && width + advance + kernAfter - 0.5 + TrimSlack <= maxEm + Tolerance
                        && (i + 1 == n || CanBreakBefore(p, start, i + 1)))
                    {
                        // A closing bracket that fits only when set half-width ends the line so (Chromium's
                        // text-spacing-trim: normal; 、。 are not set half-width at a line's end).
                        end = i + 1;
                    }
                    else if (lastBreak > start)
                    {
                        end = lastBreak;
                    }
                    else
                    {
                        // overflow-wrap: anywhere: a word wider than the line is cut before the character that overflows
                        // (never between a character and its combining marks).
                        end = i;
                        while (end > start + 1 && classes[end] is LineClass.CM or LineClass.Trail)
                        {
                            end--;
                        }
                    }

                    break;
                }

                width += advance;
                if (cls is not (LineClass.ZW or LineClass.Trail))
                {
                    lastContent = i;
                }
            }

            AddLine(text, start, end, lines);
            start = end;
            while (start < n && classes[start] is LineClass.Space)
            {
                start++;
            }
        }
    }

    private static void AddLine(ReadOnlySpan<char> text, int start, int end, List<string> lines)
    {
        var line = text[start..end].TrimEnd(' ');
        if (line.IndexOf('\u200B') >= 0)
        {
            lines.Add(line.ToString().Replace("\u200B", string.Empty, StringComparison.Ordinal));
        }
        else
        {
            lines.Add(line.ToString());
        }
    }

    /// <summary>May a line break before position <paramref name="i"/> (UAX #14 pair rules, spaces looked through)?</summary>
    private static bool CanBreakBefore(Paragraph p, int start, int i)
    {
        var classes = p.Classes;
        var after = classes[i];
        if (after is LineClass.Space or LineClass.Trail or LineClass.CM or LineClass.ZW)
        {
            // LB7, LB9: never before a space, a zero-width space or a combining mark; a break after spaces is taken
            // before the character that follows them.
            return false;
        }

        var j = i - 1;
        var spaces = false;
        while (j > start && classes[j] is LineClass.Space)
        {
            j--;
            spaces = true;
        }

        while (j > start && classes[j] is LineClass.CM or LineClass.Trail)
        {
            j--;
        }

        var before = classes[j];
        if (before == LineClass.ZW)
        {
            return true; // LB8
        }

        if (before == LineClass.Space)
        {
            return true; // the line's own leading spaces (pre-wrap) are followed by a break opportunity
        }

        if (!spaces && (after == LineClass.QU || before == LineClass.QU))
        {
            // LB19, LB19a: never before a closing or neutral quotation mark (” ") nor after an opening or neutral one
            // (“ "); before “ and after ” only between two East Asian characters ("様式”に" may break after ”).
            if (before is LineClass.OP or LineClass.OPW || after is LineClass.CL or LineClass.CP or LineClass.EX or LineClass.IS
                or LineClass.SY or LineClass.NS)
            {
                return false;
            }

            var opening = after == LineClass.QU && IsInitialQuote(p.Text[i]) && p.Wide[j] && i + 1 < p.Text.Length && p.Wide[i + 1];
            var closing = before == LineClass.QU && IsFinalQuote(p.Text[j]) && p.Wide[i] && (j == start || p.Wide[j - 1]);
            return (after != LineClass.QU || opening) && (before != LineClass.QU || closing);
        }

        // Chromium breaks after any run of spaces, even before a mark that may not start a line (measured: の取 |？、).
        return spaces || LineBreakClasses.Allowed(before, after);
    }

    private static bool IsInitialQuote(char c) => c is '\u201C' or '\u2018' or '\u00AB' or '\u201B' or '\u201F' or '\u2039';

    private static bool IsFinalQuote(char c) => c is '\u201D' or '\u2019' or '\u00BB' or '\u203A';

    /// <summary>
    /// A paragraph being broken: its text and, per UTF-16 unit, class, advance, the change to the width when it follows the
    /// unit before on a line (kerning and trimmed punctuation), the half em the unit before loses when it is a closing
    /// mark set half-width, East Asian width.
    /// </summary>
    /// <summary>The pooled arrays a paragraph is measured in, rented for its length and returned when disposed.</summary>
    private readonly struct Scratch(int length) : IDisposable
    {
        public LineClass[] Classes { get; } = ArrayPool<LineClass>.Shared.Rent(length);

        public double[] Advances { get; } = ArrayPool<double>.Shared.Rent(length);

        public double[] Kerns { get; } = ArrayPool<double>.Shared.Rent(length);

        public bool[] Wide { get; } = ArrayPool<bool>.Shared.Rent(length);

        public double[] Pairs { get; } = ArrayPool<double>.Shared.Rent(length);

        public Paragraph For(ReadOnlySpan<char> text) => new(text, Classes, Advances, Kerns, Wide, Pairs);

        public void Dispose()
        {
            ArrayPool<LineClass>.Shared.Return(Classes);
            ArrayPool<double>.Shared.Return(Advances);
            ArrayPool<double>.Shared.Return(Kerns);
            ArrayPool<bool>.Shared.Return(Wide);
            ArrayPool<double>.Shared.Return(Pairs);
        }
    }

    private readonly ref struct Paragraph(ReadOnlySpan<char> text, LineClass[] classes, double[] advances, double[] kerns, bool[] wide, double[] pairs)
    {
        public double[] Pairs { get; } = pairs;

        public ReadOnlySpan<char> Text { get; } = text;

        public LineClass[] Classes { get; } = classes;

        public double[] Advances { get; } = advances;

        public double[] Kerns { get; } = kerns;

        public bool[] Wide { get; } = wide;
    }

    private enum HanKerning : byte
    {
        None,
        Open,
        Close,
        Dot,
        Middle,
    }

    private static HanKerning KerningOf(char c) => c switch
    {
        '「' or '『' or '（' or '【' or '〔' or '〈' or '《' or '［' or '｛' or '〘' or '〖' or '“' or '‘' => HanKerning.Open,
        '」' or '』' or '）' or '】' or '〕' or '〉' or '》' or '］' or '｝' or '〙' or '〗' or '”' or '’' => HanKerning.Close,
        '、' or '。' or '，' or '．' => HanKerning.Dot,
        '・' or '：' or '；' => HanKerning.Middle,
        _ => HanKerning.None,
    };
}
