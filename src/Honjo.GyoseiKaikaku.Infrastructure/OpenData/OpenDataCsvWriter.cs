namespace Honjo.GyoseiKaikaku.Infrastructure.OpenData;

/// <summary>Writes the open data as CSV: one row per plan and fiscal year, and the column dictionary.</summary>
public static class OpenDataCsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(OpenDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = OpenDataColumns.All;
        var header = columns.Select(c => c.Key).ToList();
        var rows = data.Plans.SelectMany(p => p.Years.Select(y => (IReadOnlyList<string>)columns.Select(c => c.Value(data, p, y)).ToList()));
        return CsvText.Encode(rows.Prepend(header));
    }

    /// <summary>The column dictionary: key, Japanese name, type, example and description of every column.</summary>
    public static byte[] WriteColumns()
    {
        IReadOnlyList<string> header = ["key", "name_ja", "type", "example", "description"];
        var rows = OpenDataColumns.All.Select(c => (IReadOnlyList<string>)[c.Key, c.JapaneseName, c.Type, c.Example, c.Description]);
        return CsvText.Encode(rows.Prepend(header));
    }
}
