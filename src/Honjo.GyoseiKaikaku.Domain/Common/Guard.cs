namespace Honjo.GyoseiKaikaku.Domain.Common;

public static class Guard
{
    public static string Required(string? value, string label, int maxLength = 400)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{label}を入力してください。");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{label}は{maxLength}文字以内で入力してください。");
        }

        return trimmed;
    }

    public static string Optional(string? value, string label, int maxLength)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{label}は{maxLength}文字以内で入力してください。");
        }

        return trimmed;
    }
}
