using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests.Pdf.Native;

/// <summary>The bundled Noto Sans JP faces, loaded once for the native writer's tests.</summary>
public static class NativeFonts
{
    private static readonly Lazy<FontFamily> LazyFamily = new(() =>
        FontFamily.Load(Path.Combine(RepoPaths.Root, "src", "Honjo.GyoseiKaikaku.Infrastructure", "Pdf", "Fonts")));

    public static FontFamily Family => LazyFamily.Value;
}
