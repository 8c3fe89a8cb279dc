using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Web.Features.Shared;

namespace Honjo.GyoseiKaikaku.Web.Features.Workbook;

/// <summary>GET /my/workbook.xlsx?year=R6[&amp;department=ID].</summary>
public sealed record WorkbookDownloadRequest
{
    public string? Year { get; init; }

    /// <summary>企画課: the department whose workbook to make. 部署担当: one of their own, or none for all of them.</summary>
    public int? Department { get; init; }
}

/// <summary>POST /my/workbook: the filled-in workbook.</summary>
public sealed record WorkbookUploadRequest
{
    public string? Year { get; init; }

    /// <summary>Only to return to the page the upload came from (企画課 working for a department).</summary>
    public int? Department { get; init; }

    public IFormFile? File { get; init; }
}

/// <summary>POST /my/workbook/confirm and /my/workbook/cancel.</summary>
public sealed record WorkbookConfirmRequest
{
    public string? Id { get; init; }
}

public sealed record WorkbookFile(byte[] Content, string FileName)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>The preview (or the refusal) of an uploaded workbook.</summary>
/// <summary>The department's 担当計画 page an import returns to, as route values (<c>My/Plans</c>, ?year=, ?department=).</summary>
public sealed record MyPlansLink(string? Year, int? Department)
{
    /// <summary>The 担当計画 page without parameters.</summary>
    public static MyPlansLink Plain { get; } = new(null, null);
}

public sealed record WorkbookPreviewViewModel(
    EditionContext? Context,
    string FileName,
    MyPlansLink ReturnTo,
    IReadOnlyList<string> Errors)
{
    public string? Departments { get; init; }

    public DateTimeOffset? DownloadedAt { get; init; }

    public string? DownloadedBy { get; init; }

    public IReadOnlyList<PlanChangePreview> Changes { get; init; } = [];

    public IReadOnlyList<string> Unchanged { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Set when the changes wait for confirmation.</summary>
    public string? PendingId { get; init; }

    public int LifetimeMinutes { get; init; }

    /// <summary>True when the refusal happened at confirmation, after a preview.</summary>
    public bool AtConfirmation { get; init; }

    /// <summary>Once saved or cancelled: what the page returned to (<see cref="ReturnTo"/>) says.</summary>
    public string? Notice { get; init; }
}

public sealed record PlanChangePreview(string Sheet, PlanNumber Number, string Name, ReportStatus Status, IReadOnlyList<CellChange> Fields);

public sealed record CellChange(string Cell, string Field, string Before, string After);
