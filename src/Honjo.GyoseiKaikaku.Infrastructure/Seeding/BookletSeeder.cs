using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Departments;
using Honjo.GyoseiKaikaku.Domain.Editions;
using Honjo.GyoseiKaikaku.Domain.Outline;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Honjo.GyoseiKaikaku.Infrastructure.Seeding;

/// <summary>
/// Imports the booklet seed into an empty database. A database that already holds an outline is left alone,
/// so starting the application again changes nothing.
/// </summary>
public sealed class BookletSeeder(AppDbContext db, ILogger<BookletSeeder> logger)
{
    public async Task<bool> SeedIfEmptyAsync(BookletSeedDocument seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (await db.Outlines.AnyAsync(cancellationToken))
        {
            logger.LogInformation("The database already holds the outline; the seed is not imported again.");
            return false;
        }

        // Inside the start-up lock the caller's transaction is used; alone, the import is one transaction of its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

        var outline = new ReformOutline(
            seed.Outline.Title,
            seed.Outline.Theme,
            FiscalYear.Parse(seed.Outline.StartYear),
            FiscalYear.Parse(seed.Outline.EndYear),
            seed.Outline.PeriodLabel);
        db.Outlines.Add(outline);

        var fields = seed.Fields.ToDictionary(f => f.Number, f => new ReformField(f.Number, f.Name));
        db.Fields.AddRange(fields.Values);

        var departments = seed.Departments
            .Select((name, i) => new Department(name, i + 1))
            .ToDictionary(d => d.Name, StringComparer.Ordinal);
        db.Departments.AddRange(departments.Values);
        await db.SaveChangesAsync(cancellationToken);

        var edition = new BookletEdition(FiscalYear.Parse(seed.Edition.Year), seed.Edition.Title, seed.Edition.IssuedLabel);
        db.Editions.Add(edition);
        await db.SaveChangesAsync(cancellationToken);

        // The seed's plans are the first edition's versions.
        var groupWords = seed.GroupWords.ToHashSet(StringComparer.Ordinal);
        var plans = new List<(Plan Plan, PlanSeed Seed)>();
        foreach (var p in seed.Plans)
        {
            var plan = CreatePlan(p, fields, departments, groupWords);
            plan.PlaceIn(edition);
            plans.Add((plan, p));
        }

        db.Plans.AddRange(plans.Select(x => x.Plan));
        await db.SaveChangesAsync(cancellationToken);

        edition.SetPages(
            plans.Select(x => (x.Plan.Id, x.Seed.TocPage)),
            seed.Fields.Select(f => (f.Number, f.TocPage)));
        await db.SaveChangesAsync(cancellationToken);

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Imported the seed: {Plans} plans, {Departments} departments, edition {Edition}.",
            plans.Count, departments.Count, edition.Year);
        return true;
    }

    private static Plan CreatePlan(
        PlanSeed p,
        Dictionary<int, ReformField> fields,
        Dictionary<string, Department> departments,
        HashSet<string> groupWords)
    {
        var number = PlanNumber.Parse(p.Id);
        if (!ReformPerspectives.TryParse(p.Perspective, out var perspective))
        {
            throw new InvalidDataException($"Plan {p.Id}: unknown perspective '{p.Perspective}'.");
        }

        var plan = new Plan(
            fields[number.Field],
            number.Number,
            p.Name,
            FiscalYear.Parse(p.StartYear),
            FiscalYear.Parse(p.TargetYear),
            perspective);

        plan.SetExecutingDepartments(p.ExecutingDepartments.Select(name => Lookup(departments, name, p.Id)).ToList());
        plan.SetCooperators(
            p.Cooperating.Entries
                .Select(e => groupWords.Contains(e) ? ((Department?)null, (string?)e) : (Lookup(departments, e, p.Id), null))
                .ToList(),
            p.Cooperating.OpenEnded);
        plan.SetSdgGoals(p.Sdgs);
        plan.SetItems(PlanTextSection.PolicyMeasure, p.PolicyItems);
        plan.SetItems(PlanTextSection.CurrentSituation, p.CurrentSituation);
        plan.SetItems(PlanTextSection.Actions, p.Actions);
        plan.SetItems(PlanTextSection.Effects, p.Effects);
        plan.SetItems(PlanTextSection.Remarks, p.Remarks);
        foreach (var (year, lines) in p.Targets)
        {
            plan.SetTarget(FiscalYear.Parse(year), string.Join('\n', lines));
        }

        foreach (var (year, grade) in p.Grades)
        {
            if (!EvaluationGrades.TryParse(grade, out var parsed))
            {
                throw new InvalidDataException($"Plan {p.Id}: unknown grade '{grade}'.");
            }

            plan.RecordPublishedResult(FiscalYear.Parse(year), string.Empty, parsed, string.Empty);
        }

        return plan;
    }

    private static Department Lookup(Dictionary<string, Department> departments, string name, string planId) =>
        departments.TryGetValue(name, out var department)
            ? department
            : throw new InvalidDataException($"Plan {planId}: department '{name}' is not in the seed's department list.");
}
