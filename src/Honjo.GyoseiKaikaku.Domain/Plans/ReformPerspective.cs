namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>改革の視点: each plan names one of the four perspectives of the 大綱.</summary>
public enum ReformPerspective
{
    /// <summary>社会の変化やニーズへの対応.</summary>
    SocialChange = 1,

    /// <summary>ICTの積極的な活用.</summary>
    ActiveIct = 2,

    /// <summary>庁内連携の強化・全庁的な課題の共有.</summary>
    CrossDepartment = 3,

    /// <summary>より良い未来のための行動.</summary>
    BetterFuture = 4,
}

public static class ReformPerspectives
{
    private static readonly Dictionary<ReformPerspective, string> Names = new()
    {
        [ReformPerspective.SocialChange] = "社会の変化やニーズへの対応",
        [ReformPerspective.ActiveIct] = "ICTの積極的な活用",
        [ReformPerspective.CrossDepartment] = "庁内連携の強化・全庁的な課題の共有",
        [ReformPerspective.BetterFuture] = "より良い未来のための行動",
    };

    public static IReadOnlyList<ReformPerspective> All { get; } = Enum.GetValues<ReformPerspective>();

    public static string DisplayName(this ReformPerspective perspective) => Names[perspective];

    /// <summary>Reads the printed name; spacing inside words (<c>I C T</c>) and full-width letters do not matter.</summary>
    public static bool TryParse(string? text, out ReformPerspective perspective)
    {
        var key = Normalize(text);
        foreach (var (value, name) in Names)
        {
            if (Normalize(name) == key)
            {
                perspective = value;
                return true;
            }
        }

        perspective = default;
        return false;
    }

    private static string Normalize(string? text) =>
        (text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC)
            .Replace(" ", string.Empty, StringComparison.Ordinal);
}
