using Honjo.GyoseiKaikaku.Infrastructure.Workbooks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Honjo.GyoseiKaikaku.Web.Features.Workbook;

/// <summary>
/// Caps an upload before anything reads it. Without this, an oversize body fails inside the antiforgery check (which
/// reads the form first) and the person sees a bare 400. Here a body declared too large is refused at once, and any
/// other body is read under the cap, so that "too large" is always the Japanese page with the limit on it (413).
/// Runs after the role policy and before the antiforgery filter (order 1000), which then finds the form read.
/// </summary>
public sealed class WorkbookUploadSizeFilter(UploadGuard guard) : IAsyncAuthorizationFilter
{
    /// <summary>Room for the multipart boundaries, headers and the other fields around the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public const int Order = 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Result is not null)
        {
            return;
        }

        var http = context.HttpContext;
        var cap = guard.Limits.MaxFileBytes + FormOverheadBytes;
        if (http.Request.ContentLength is { } declared && declared > cap)
        {
            context.Result = TooLarge(context, guard.TooLargeMessage(declared - FormOverheadBytes));
            return;
        }

        if (!http.Request.HasFormContentType)
        {
            // Not a form at all: the antiforgery check refuses it with a 400.
            return;
        }

        // A body without a declared length (chunked) is stopped by the server once it passes the cap.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = cap;
        }

        try
        {
            await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = cap }, http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            context.Result = TooLarge(context, guard.TooLargeOrIncompleteMessage);
        }
    }

    private static ViewResult TooLarge(AuthorizationFilterContext context, string message) => new()
    {
        ViewName = "~/Features/Workbook/Preview.cshtml",
        StatusCode = StatusCodes.Status413PayloadTooLarge,
        ViewData = new ViewDataDictionary<WorkbookPreviewViewModel>(new EmptyModelMetadataProvider(), context.ModelState)
        {
            Model = new WorkbookPreviewViewModel(null, string.Empty, MyPlansLink.Plain, [message, "何も保存していません。"]),
        },
    };
}
