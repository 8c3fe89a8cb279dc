using System.Globalization;

namespace Honjo.GyoseiKaikaku.Domain.Plans;

/// <summary>
/// The identity of a plan: its reform field and its number within the field, written "1-9".
/// Names are not identities: 1-24 and 1-26 share a name.
/// </summary>
public readonly record struct PlanNumber : IComparable<PlanNumber>
{
    public PlanNumber(int field, int number)
    {
        if (field < 1 || field > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(field), field, "改革分野の番号は1～9です。");
        }

        if (number < 1 || number > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "計画番号は1～999です。");
        }

        Field = field;
        Number = number;
    }

    public int Field { get; }

    public int Number { get; }

    public static bool TryParse(string? text, out PlanNumber value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Normalize(System.Text.NormalizationForm.FormKC).Split('-');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var field)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || field is < 1 or > 9 || number is < 1 or > 999)
        {
            return false;
        }

        value = new PlanNumber(field, number);
        return true;
    }

    public static PlanNumber Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"計画番号として読めません: '{text}'");

    public int CompareTo(PlanNumber other)
    {
        var byField = Field.CompareTo(other.Field);
        return byField != 0 ? byField : Number.CompareTo(other.Number);
    }

    public static bool operator <(PlanNumber left, PlanNumber right) => left.CompareTo(right) < 0;

    public static bool operator >(PlanNumber left, PlanNumber right) => left.CompareTo(right) > 0;

    public static bool operator <=(PlanNumber left, PlanNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PlanNumber left, PlanNumber right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Field}-{Number}");
}
