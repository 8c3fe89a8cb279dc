using Honjo.GyoseiKaikaku.Domain.Booklets;

namespace Honjo.GyoseiKaikaku.Web.Features.Shared;

/// <summary>
/// One plan sheet as laid out on screen and in the PDF booklet (the same partial renders both).
/// <paramref name="DepartmentIds"/> turns department names into links on screen; null for print.
/// </summary>
public sealed record SheetBodyModel(
    BookletSheet Sheet,
    string Heading,
    string Theme,
    IReadOnlyDictionary<string, int>? DepartmentIds = null,
    string? YearRoute = null)
{
    /// <summary>The sheet is a page of the application (not the booklet): its plan name is the page's h1.</summary>
    public bool IsScreen => DepartmentIds is not null;
}
