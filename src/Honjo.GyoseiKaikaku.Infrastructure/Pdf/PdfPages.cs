using System.Text;
using System.Text.RegularExpressions;

namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf;

/// <summary>Counts the pages of a PDF by its page objects, without parsing the whole document.</summary>
public static partial class PdfPages
{
    public static int Count(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        return PageObject().Count(Encoding.Latin1.GetString(pdf));
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
