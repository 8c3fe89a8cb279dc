using System.Text.RegularExpressions;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests;

/// <summary>The README and docs/ link to files that exist, and a link that names an ADR number opens that ADR.</summary>
public sealed partial class DocumentationLinkTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_resolves_and_names_the_ADR_it_opens(string document)
    {
        var path = Path.Combine(RepoPaths.Root, document);
        var problems = new List<string>();
        foreach (Match link in MarkdownLink().Matches(File.ReadAllText(path)))
        {
            var (label, target) = (link.Groups["label"].Value, link.Groups["target"].Value);
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith('#') || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target.Split('#')[0]));
            if (!File.Exists(file) && !Directory.Exists(file))
            {
                problems.Add($"{target}: no such file");
            }

            var named = AdrNumber().Match(label);
            var opened = AdrNumber().Match(Path.GetFileName(target));
            if (named.Success && opened.Success && named.Value != opened.Value)
            {
                problems.Add($"[{label}]({target}): the label names ADR {named.Value}");
            }
        }

        Assert.Empty(problems);
    }

    [GeneratedRegex(@"\[(?<label>[^\]]+)\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\b\d{4}\b")]
    private static partial Regex AdrNumber();
}
