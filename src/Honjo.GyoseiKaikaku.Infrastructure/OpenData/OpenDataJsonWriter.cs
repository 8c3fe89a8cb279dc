using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Infrastructure.OpenData;

/// <summary>
/// Writes the open data as JSON: the edition, then each plan with its years. UTF-8, camelCase, Japanese unescaped.
/// The plans and years are written as their records (<see cref="OpenDataPlan"/>, <see cref="OpenDataYear"/>): a
/// property there is a key here, in the same order, and a fiscal year is its code (「R6」).
/// </summary>
public static class OpenDataJsonWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>The open data's JSON conventions (ADR 0012), for every open data file: camelCase, Japanese unescaped, indented.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
        Converters = { new FiscalYearCode() },
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
                years = data.OutlineYears,
            },
            plans = data.Plans,
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Options);
    }

    /// <summary>A fiscal year as its code, 「R6」, as in the CSV.</summary>
    private sealed class FiscalYearCode : JsonConverter<FiscalYear>
    {
        public override FiscalYear Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            FiscalYear.Parse(reader.GetString() ?? string.Empty);

        public override void Write(Utf8JsonWriter writer, FiscalYear value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.Code);
        }
    }
}
