using Honjo.GyoseiKaikaku.Infrastructure.Seeding;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>Finds files of the repository from a test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Honjo.GyoseiKaikaku.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Honjo.GyoseiKaikaku.sln) was not found.");
    });

    public static string Root => LazyRoot.Value;

    public static string SeedFile => Path.Combine(Root, "seed-data", "booklet-r6.json");

    /// <summary>The source booklet, kept in the repository (seed-data/source) so that nothing reads outside it.</summary>
    public static string SourceBooklet => Path.Combine(Root, "seed-data", "source", "honjo-r6-jisshi-keikaku-sheets.txt");

    public static BookletSeedDocument ReadSeed()
    {
        using var stream = File.OpenRead(SeedFile);
        return BookletSeedDocument.Read(stream);
    }

    /// <summary>The 56 plan ids in the booklet's order, from the seed.</summary>
    public static IReadOnlyList<string> PlanIdsInBookletOrder() => ReadSeed().Plans.Select(p => p.Id).ToList();
}
