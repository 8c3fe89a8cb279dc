using System.Text.Json;
using Honjo.GyoseiKaikaku.Infrastructure.Seeding;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>
/// The 1,008-plan edition of issue #11: the R6 booklet's plans repeated 18 times per field, renumbered 1, 2, 3… within
/// each field (field 1: 26 × 18 = 468, field 2: 18 × 18 = 324, field 3: 12 × 18 = 216). It is a seed document of the
/// same format as seed-data/booklet-r6.json, so it enters a database through the application's own start-up seeding
/// (<c>DatabaseInitializer</c> → <c>BookletSeeder</c> → the domain's <c>Plan</c>), exactly as R6 does. It stands for
/// a city running the same system for its several hundred 事務事業 sheets; the benchmark and the tests build it the
/// same way, so anyone can reproduce the figures.
/// </summary>
public static class LargeEdition
{
    /// <summary>The edition: each field's plans 18 times.</summary>
    public const int TimesPerField = 18;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>1,008 for the R6 seed.</summary>
    public static int PlanCount => RepoPaths.ReadSeed().Plans.Count * TimesPerField;

    /// <summary>
    /// <paramref name="seed"/> with each field's plans repeated <paramref name="times"/> times in booklet order and
    /// renumbered within the field ("1-1" … "1-468"). Everything else (outline, fields, departments, texts, targets,
    /// grades) is the seed's. The stored 目次 pages are copied from the original plan: nothing reads them (ADR 0017).
    /// </summary>
    public static BookletSeedDocument Build(BookletSeedDocument seed, int times = TimesPerField)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        var plans = new List<PlanSeed>();
        foreach (var field in seed.Fields.OrderBy(f => f.Number))
        {
            var ofField = seed.Plans.Where(p => p.Id.StartsWith($"{field.Number}-", StringComparison.Ordinal)).ToList();
            for (var n = 0; n < ofField.Count * times; n++)
            {
                plans.Add(ofField[n % ofField.Count] with { Id = $"{field.Number}-{n + 1}" });
            }
        }

        return seed with { Plans = plans };
    }

    /// <summary>The 1,008-plan edition built from the repository's R6 seed.</summary>
    public static BookletSeedDocument Build() => Build(RepoPaths.ReadSeed());

    /// <summary>
    /// The options of an application (<see cref="AppFactory"/>) over a database of its own seeded at start with this
    /// edition, <paramref name="times"/> per field, instead of R6 (its R6 edition then holds 1,008 plans by default).
    /// The seed file is written now; its folder goes with the application.
    /// </summary>
    public static AppOptions AppOptions(int times = TimesPerField)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"honjo-large-{Guid.NewGuid():N}");
        return new AppOptions { SeedFile = WriteSeedFile(folder, times), TemporaryFolders = [folder] };
    }

    /// <summary>
    /// Writes the 1,008-plan seed (or <paramref name="times"/> repetitions) as JSON into <paramref name="directory"/>
    /// and returns the file's path: give it to the application as <c>Database:SeedFile</c> over an empty database.
    /// </summary>
    public static string WriteSeedFile(string directory, int times = TimesPerField)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"booklet-r6-x{times}.json");
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, Build(RepoPaths.ReadSeed(), times), Json);
        return path;
    }
}
