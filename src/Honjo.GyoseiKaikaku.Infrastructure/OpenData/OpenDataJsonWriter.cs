using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Honjo.GyoseiKaikaku.Infrastructure.OpenData;

/// <summary>Writes the open data as JSON: the edition, then each plan with its years. UTF-8, camelCase, Japanese unescaped.</summary>
public static class OpenDataJsonWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>The open data's JSON conventions (ADR 0012), for every open data file: camelCase, Japanese unescaped, indented.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    public static byte[] Write(OpenDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var document = new
        {
            edition = new
            {
                year = data.Edition.Code,
                name = data.Edition.JapaneseName + "版",
                title = data.EditionTitle,
                publishedAt = data.PublishedAt,
            },
            outline = new
            {
                title = data.OutlineTitle,
                years = data.OutlineYears.Select(y => y.Code).ToList(),
            },
            plans = data.Plans.Select(p => new
            {
                planId = p.PlanId,
                fieldNumber = p.FieldNumber,
                fieldName = p.FieldName,
                planNumber = p.PlanNumber,
                name = p.Name,
                executingDepartments = p.ExecutingDepartments,
                cooperatingDepartments = p.CooperatingDepartments,
                cooperatorsOpenEnded = p.CooperatorsOpenEnded,
                startYear = p.StartYear.Code,
                targetYear = p.TargetYear.Code,
                perspective = p.Perspective,
                years = p.Years.Select(y => new
                {
                    fiscalYear = y.FiscalYear.Code,
                    inPlanPeriod = y.InPlanPeriod,
                    target = y.Target,
                    statusReport = y.StatusReport,
                    grade = y.Grade,
                    nextYearPolicy = y.NextYearPolicy,
                    secondGrade = y.SecondGrade,
                    secondGradeReason = y.SecondGradeReason,
                }).ToList(),
            }).ToList(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Options);
    }
}
