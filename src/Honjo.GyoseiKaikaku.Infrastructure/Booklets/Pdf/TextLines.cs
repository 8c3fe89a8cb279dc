using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Pdf;

/// <summary>
/// Breaks text into the lines a box of a given width holds, the way the browser breaks the booklet's HTML (ADR 0036):
/// Japanese between any two characters except where 禁則 (kinsoku) forbids it (no line starts with 、。」）… and none
/// ends with 「（…), Latin words kept whole where they fit and cut anywhere when a word alone is wider than the box
/// (CSS overflow-wrap: anywhere), a line break in the text kept when preserveBreaks (white-space:
/// pre-wrap), collapsed to a space otherwise.
/// </summary>
public static class TextLines
{
    public static IReadOnlyList<string> Break(string text, FontFace face, double size, double width, bool preserveBreaks = false) =>
        throw new NotImplementedException("helper-text");
}
