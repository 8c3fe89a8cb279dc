using Honjo.GyoseiKaikaku.Domain.Common;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Honjo.GyoseiKaikaku.Infrastructure.Summaries;
using Microsoft.EntityFrameworkCore;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

public sealed record FieldDiff(string Field, string Before, string After);

public sealed record ChangedPlan(PlanNumber Number, string Name, IReadOnlyList<(PlanChangeType Type, string Reason)> Changes, IReadOnlyList<FieldDiff> Diffs);

public sealed record AddedPlan(PlanNumber Number, string Name, string Departments, FiscalYear StartYear, FiscalYear TargetYear);

public sealed record EndedPlan(PlanNumber Number, string Name, PlanEndKind? Kind, FiscalYear? Year, string? Reason);

public sealed record EditionChangesViewModel(
    FiscalYear Year, FiscalYear? Previous, IReadOnlyList<AddedPlan> Added, IReadOnlyList<ChangedPlan> Changed, IReadOnlyList<EndedPlan> Ended)
{
    /// <summary>The 組織改正 that took effect in this edition's year (its plans name the new departments).</summary>
    public IReadOnlyList<Departments.ReorganizationRow> Reorganizations { get; init; } = [];

    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Ended.Count == 0 && Reorganizations.Count == 0;
}

/// <summary>What changed in an edition against the one before: plans added, changed (計画変更 with before → after) and ended.</summary>
public sealed class EditionChangesQuery(AppDbContext db, ISummaryWorkbookWriter workbooks, Departments.ReorganizeHandler reorganizations)
{
    /// <param name="year">The edition.</param>
    /// <param name="publishedOnly">For open data: null unless the edition's plan is published.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<EditionChangesViewModel?> HandleAsync(FiscalYear year, CancellationToken ct, bool publishedOnly = false)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null || (publishedOnly && edition.Status == Domain.Editions.EditionStatus.Draft))
        {
            return null;
        }

        var previous = await db.Editions.AsNoTracking().Where(e => e.Year < year).OrderByDescending(e => e.Year).FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return new EditionChangesViewModel(year, null, [], [], []);
        }

        var current = await db.Plans.AsNoTracking().InEdition(edition.Id).InBookletOrder()
            .Select(p => new
            {
                p.PlanKeyId,
                p.FieldNumber,
                p.Number,
                p.Name,
                p.StartYear,
                p.TargetYear,
                Departments = p.ExecutingDepartments.OrderBy(d => d.Order).Select(d => d.Department.Name).ToList(),
                Changes = p.Changes.OrderBy(c => c.At).Select(c => new { c.Type, c.Reason }).ToList(),
            })
            .ToListAsync(ct);
        var before = await db.Plans.AsNoTracking().InEdition(previous.Id).InBookletOrder()
            .Select(p => new { p.PlanKeyId, p.FieldNumber, p.Number, p.Name, p.Key.EndKind, p.Key.EndedYear, p.Key.EndReason })
            .ToListAsync(ct);
        var beforeKeys = before.Select(p => p.PlanKeyId).ToHashSet();
        var currentKeys = current.Select(p => p.PlanKeyId).ToHashSet();
        var changedKeys = current.Where(p => p.Changes.Count > 0).Select(p => p.PlanKeyId).ToList();
        var diffs = await db.History.AsNoTracking()
            .Where(h => changedKeys.Contains(h.PlanKeyId) && h.EditionYear == year.Reiwa && h.Year == null && !h.Field.StartsWith("計画変更"))
            .OrderBy(h => h.Id)
            .Select(h => new { h.PlanKeyId, h.Field, h.Before, h.After })
            .ToListAsync(ct);

        return new EditionChangesViewModel(
            year,
            previous.Year,
            current.Where(p => !beforeKeys.Contains(p.PlanKeyId))
                .Select(p => new AddedPlan(new PlanNumber(p.FieldNumber, p.Number), p.Name, string.Join("、", p.Departments), p.StartYear, p.TargetYear)).ToList(),
            current.Where(p => p.Changes.Count > 0 && beforeKeys.Contains(p.PlanKeyId))
                .Select(p => new ChangedPlan(
                    new PlanNumber(p.FieldNumber, p.Number),
                    p.Name,
                    p.Changes.Select(c => (c.Type, c.Reason)).ToList(),
                    diffs.Where(d => d.PlanKeyId == p.PlanKeyId).Select(d => new FieldDiff(d.Field, d.Before, d.After)).ToList()))
                .ToList(),
            before.Where(p => !currentKeys.Contains(p.PlanKeyId))
                .Select(p => new EndedPlan(new PlanNumber(p.FieldNumber, p.Number), p.Name, p.EndKind, p.EndedYear, p.EndReason)).ToList())
        {
            Reorganizations = (await reorganizations.ListAsync(ct)).Where(r => r.AsOfYear == year).ToList(),
        };
    }

    /// <summary>The column keys of the changes in open data, in the order of <see cref="Rows"/>.</summary>
    public static readonly IReadOnlyList<string> ColumnKeys = ["edition", "change", "plan_id", "plan_name", "change_type", "reason", "field_or_end_year", "before", "after"];

    private static readonly IReadOnlyList<string> Headers = ["区分", "番号", "計画名", "変更の種類", "理由", "項目・終了年度", "変更前", "変更後"];

    /// <summary>One row per added plan, per field changed, and per ended plan: the Excel sheet and the open data alike.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(EditionChangesViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = new List<IReadOnlyList<string>>();
        rows.AddRange(model.Added.Select(a => (IReadOnlyList<string>)["新規", a.Number.ToString(), a.Name, string.Empty, string.Empty, $"{a.StartYear.Code}～{a.TargetYear.Code}", string.Empty, string.Empty]));
        foreach (var c in model.Changed)
        {
            var kinds = string.Join("・", c.Changes.Select(x => x.Type.DisplayName()));
            var reasons = string.Join("／", c.Changes.Select(x => x.Reason));
            rows.AddRange(c.Diffs.Count == 0
                ? [(IReadOnlyList<string>)["計画変更", c.Number.ToString(), c.Name, kinds, reasons, string.Empty, string.Empty, string.Empty]]
                : c.Diffs.Select(d => (IReadOnlyList<string>)["計画変更", c.Number.ToString(), c.Name, kinds, reasons, d.Field, d.Before, d.After]));
        }

        rows.AddRange(model.Ended.Select(e => (IReadOnlyList<string>)[e.Kind?.DisplayName() ?? "終了", e.Number.ToString(), e.Name, string.Empty, e.Reason ?? string.Empty, e.Year?.Code ?? string.Empty, string.Empty, string.Empty]));
        return rows;
    }

    public byte[] Workbook(EditionChangesViewModel model) =>
        workbooks.Write([new SummaryTable(
            "変更一覧",
            $"{model.Year.JapaneseName}版の変更（{model.Previous?.JapaneseName}版との比較）",
            Headers,
            Rows(model).Select(r => (IReadOnlyList<SummaryCell>)r.Select(SummaryCell.FromString).ToList()).ToList())]);

    /// <summary>Open data: UTF-8 with BOM, CRLF, RFC 4180, the column keys as header, the edition in every row.</summary>
    public static byte[] Csv(EditionChangesViewModel model) =>
        Infrastructure.OpenData.CsvText.Encode([ColumnKeys, .. Rows(model).Select(r => (IReadOnlyList<string>)[model.Year.Code, .. r])]);

    /// <summary>Open data as JSON: the edition, the one it is compared with, and one object per row (keys as in the CSV).</summary>
    public static byte[] Json(EditionChangesViewModel model) =>
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
        {
            edition = model.Year.Code,
            previous = model.Previous?.Code,
            changes = Rows(model).Select(r => ColumnKeys.Skip(1).Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList(),
        }, JsonOptions);

    /// <summary>Japanese written as is, not as \u escapes.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };
}
