using System.Globalization;
using System.Text.Json;
using Honjo.GyoseiKaikaku.Infrastructure.OpenData;

namespace Honjo.GyoseiKaikaku.Infrastructure.Council;

/// <summary>
/// The published opinion/response table as open data (ADR 0012's conventions: CSV UTF-8 with BOM, CRLF, RFC 4180,
/// formula-looking cells prefixed; JSON camelCase with Japanese unescaped). One row per accepted opinion.
/// </summary>
public static class CouncilOpenDataWriter
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The CSV header keys, with the Japanese names the dictionary gives them.</summary>
    public static IReadOnlyList<(string Key, string Name)> Columns { get; } =
    [
        ("edition", "版"), ("no", "番号"), ("plan_id", "計画番号（全体への意見は空）"), ("plan_name", "計画名"),
        ("executing_departments", "実行課"), ("opinion", "委員の意見"), ("response", "対応方針"),
        ("responding_departments", "回答した課"), ("revision", "版数"), ("published_at", "公表日"),
    ];

    public static byte[] Csv(CouncilTableDocument table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var published = IsoDate(table.PublishedAt);
        var rows = new List<IReadOnlyList<string>> { Columns.Select(c => c.Key).ToList() };
        rows.AddRange(table.Rows.Select(r => (IReadOnlyList<string>)
        [
            table.Year.Code, r.No.ToString(CultureInfo.InvariantCulture), r.PlanId ?? string.Empty, r.PlanName, r.ExecutingDepartments,
            r.Opinion, r.Response, r.RespondingDepartments, table.Revision.ToString(CultureInfo.InvariantCulture), published,
        ]));
        return CsvText.Encode(rows);
    }

    private static string IsoDate(DateTimeOffset moment) =>
        Domain.Common.JapanTime.ToJapan(moment).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static byte[] Json(CouncilTableDocument table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var document = new
        {
            edition = new { year = table.Year.Code, name = table.Year.JapaneseName + "版" },
            title = table.Title,
            outline = table.OutlineTitle,
            revision = table.Revision,
            publishedAt = IsoDate(table.PublishedAt),
            opinions = table.Rows,
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, OpenDataJsonWriter.Options);
    }
}
