using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests.Booklets;

/// <summary>The bundled Noto Sans JP faces, read once for the tests that measure text.</summary>
internal static class NotoFonts
{
    private static readonly Lazy<FontFamily> Family = new(() =>
        FontFamily.Load(Path.Combine(RepoPaths.Root, "src", "Honjo.GyoseiKaikaku.Infrastructure", "Pdf", "Fonts")));

    public static FontFace Regular => Family.Value.Regular;

    public static FontFace Bold => Family.Value.Bold;
}
