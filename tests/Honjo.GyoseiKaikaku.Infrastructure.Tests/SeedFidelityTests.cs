using System.Text;
using System.Text.RegularExpressions;
using Honjo.GyoseiKaikaku.Infrastructure.Seeding;
using Honjo.GyoseiKaikaku.TestSupport;

namespace Honjo.GyoseiKaikaku.Infrastructure.Tests;

/// <summary>
/// Compares the seed with the source booklet character by character: once the extraction artefacts are set aside
/// (tags, whitespace, the row labels, half-width "!!"), every sheet of the source must read exactly as the seed.
/// A dropped, duplicated or reordered character anywhere in the 56 sheets fails this test.
/// </summary>
public sealed partial class SeedFidelityTests
{
    private const string SheetHeader = "本庄市行政改革大綱 R6年度実施計画シート";
    private static readonly string[] InnerLabels = ["連携課", "達成目標年度", "SDGs関連No."];

    private static readonly Lazy<string> Source = new(() =>
    {
        Assert.True(File.Exists(RepoPaths.SourceBooklet), $"The source booklet was expected beside the repository at {RepoPaths.SourceBooklet}.");
        return File.ReadAllText(RepoPaths.SourceBooklet, Encoding.UTF8);
    });

    [Fact]
    public void Every_sheet_of_the_source_reads_exactly_as_the_seed_once_artefacts_are_removed()
    {
        var seed = RepoPaths.ReadSeed();
        var blocks = Source.Value.Split(SheetHeader)[1..];

        Assert.Equal(56, blocks.Length);
        Assert.Equal(56, seed.Plans.Count);
        for (var i = 0; i < blocks.Length; i++)
        {
            var plan = seed.Plans[i];
            var expected = SourceContent(blocks[i]);
            var actual = SeedContent(seed, plan);
            if (expected != actual)
            {
                var at = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(k => expected[k] != actual[k]);
                Assert.Fail($"Plan {plan.Id} differs from the source at character {at}:\n source: {Around(expected, at)}\n seed:   {Around(actual, at)}");
            }
        }
    }

    [Fact]
    public void The_contents_lines_of_the_source_match_the_seed_numbers_names_and_pages()
    {
        var seed = RepoPaths.ReadSeed();
        var toc = Source.Value.Split(SheetHeader)[0];
        var lines = toc.Split('\n').Select(l => l.Split('\t')).Where(c => c.Length == 6 && int.TryParse(c[0], out _)).ToList();

        Assert.Equal(56, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var plan = seed.Plans[i];
            Assert.Equal(plan.Id.Split('-')[1], lines[i][0]);
            Assert.Equal(Squash(lines[i][1]), Squash(plan.Name));
            Assert.Equal(Squash(lines[i][2]), Squash(string.Join(string.Empty, plan.ExecutingDepartments)));
            Assert.Equal(lines[i][5].Trim(), plan.TocPage.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(lines[i][4].Trim(), plan.TocEnd ?? string.Empty);
        }
    }

    private static string SourceContent(string block)
    {
        var cells = new List<string>();
        foreach (var line in block.Split('\n'))
        {
            if (line.StartsWith("-------", StringComparison.Ordinal) || line.StartsWith("改革テーマ", StringComparison.Ordinal)
                || line.StartsWith("年度\t", StringComparison.Ordinal) || line.StartsWith("開始年度", StringComparison.Ordinal))
            {
                continue;
            }

            cells.AddRange(line.Split('\t').Skip(1).Where(c => !InnerLabels.Contains(c)));
        }

        return Squash(TagPattern().Replace(string.Concat(cells), string.Empty));
    }

    private static string SeedContent(BookletSeedDocument seed, PlanSeed plan)
    {
        var field = seed.Fields.Single(f => f.Number == int.Parse(plan.Id.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture));
        var parts = new List<string>
        {
            $"{field.Number}.{field.Name}",
            plan.Name,
            string.Join("、", plan.ExecutingDepartments),
            string.Join("、", plan.Cooperating.Entries) + (plan.Cooperating.OpenEnded ? "など" : string.Empty),
            plan.Perspective,
            string.Join("、", plan.PolicyItems),
        };
        parts.AddRange(plan.CurrentSituation);
        parts.AddRange(plan.Actions);
        parts.AddRange(plan.Effects);
        parts.AddRange(plan.Targets.Values.SelectMany(v => v));
        parts.AddRange(plan.Grades.Values);
        parts.AddRange(plan.Remarks);
        return Squash(string.Concat(parts));
    }

    private static string Squash(string text) => WhitespacePattern().Replace(text, string.Empty).Replace('!', '！');

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 20), Math.Min(50, text.Length - Math.Max(0, at - 20)));

    [GeneratedRegex(@"<ul[^>]*>|</?p>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s")]
    private static partial Regex WhitespacePattern();
}
