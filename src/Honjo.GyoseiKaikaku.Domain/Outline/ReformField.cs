namespace Honjo.GyoseiKaikaku.Domain.Outline;

/// <summary>A 改革分野, numbered: 1. 行政サービス改革, 2. 業務改善・効率化改革, 3. 財政改革.</summary>
public sealed class ReformField
{
    private ReformField()
    {
        Name = string.Empty;
    }

    public ReformField(int number, string name)
    {
        if (number is < 1 or > 9)
        {
            throw new Common.DomainException("改革分野の番号は1～9です。");
        }

        Number = number;
        Name = Common.Guard.Required(name, "改革分野名");
    }

    /// <summary>The field's number is its identity.</summary>
    public int Number { get; private set; }

    public string Name { get; private set; }

    /// <summary>"1. 行政サービス改革", as the sheet prints it.</summary>
    public string Title => $"{Number}. {Name}";
}
