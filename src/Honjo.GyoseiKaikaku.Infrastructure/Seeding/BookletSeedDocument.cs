using System.Text.Json;
using System.Text.Json.Serialization;

namespace Honjo.GyoseiKaikaku.Infrastructure.Seeding;

/// <summary>The shape of seed-data/booklet-r6.json (format "honjo-gyoseikaikaku-booklet/1"; see seed-data/README.md).</summary>
public sealed record BookletSeedDocument(
    string Format,
    string Source,
    OutlineSeed Outline,
    EditionSeed Edition,
    IReadOnlyList<FieldSeed> Fields,
    IReadOnlyList<string> GroupWords,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> Perspectives,
    IReadOnlyList<PlanSeed> Plans)
{
    public const string SupportedFormat = "honjo-gyoseikaikaku-booklet/1";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static BookletSeedDocument Read(Stream json)
    {
        var document = JsonSerializer.Deserialize<BookletSeedDocument>(json, Options)
            ?? throw new InvalidDataException("The seed file is empty.");
        if (document.Format != SupportedFormat)
        {
            throw new InvalidDataException($"Unsupported seed format '{document.Format}', expected '{SupportedFormat}'.");
        }

        return document;
    }
}

public sealed record OutlineSeed(string Title, string Theme, string StartYear, string EndYear, string PeriodLabel);

public sealed record EditionSeed(string Year, string Title, string IssuedLabel, string Status);

public sealed record FieldSeed(int Number, string Name, int TocPage);

public sealed record CooperatingSeed(IReadOnlyList<string> Entries, bool OpenEnded);

public sealed record PlanSeed(
    string Id,
    int TocPage,
    string? TocEnd,
    string Name,
    IReadOnlyList<string> ExecutingDepartments,
    CooperatingSeed Cooperating,
    string StartYear,
    string TargetYear,
    IReadOnlyList<int> Sdgs,
    string Perspective,
    IReadOnlyList<string> PolicyItems,
    IReadOnlyList<string> CurrentSituation,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Effects,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Targets,
    IReadOnlyDictionary<string, string> Grades,
    IReadOnlyList<string> Remarks);
