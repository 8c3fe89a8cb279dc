using Honjo.GyoseiKaikaku.Domain.Common;

namespace Honjo.GyoseiKaikaku.Infrastructure.Council;

/// <summary>
/// One row of the published opinion/response table: an accepted opinion and its response. Member names are not printed.
/// The open data's JSON writes these properties as they stand (<see cref="CouncilOpenDataWriter.Json"/>).
/// </summary>
public sealed record CouncilTableRow(
    int No, string? PlanId, string PlanName, string ExecutingDepartments, string Opinion, string Response, string RespondingDepartments);

/// <summary>The published table of an edition (意見・対応方針一覧), as every export prints it.</summary>
public sealed record CouncilTableDocument(
    FiscalYear Year, string Title, string OutlineTitle, int Revision, DateTimeOffset PublishedAt, IReadOnlyList<CouncilTableRow> Rows)
{
    public string RevisionLabel => Revision > 1 ? $"第{Revision}版" : "初版";

    public string FileStem => $"審議会意見_{Year.Code}";
}
