using Honjo.GyoseiKaikaku.Infrastructure.Pdf;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>
/// A file that cannot be made for a reason the administrator must act on — no browser or font for the PDF, a sheet too
/// long for its page — with a Japanese message saying what. Never a 500.
/// </summary>
public static class ExportFailures
{
    public static bool Are(Exception exception) => exception is PdfEngineUnavailableException or BookletPaginationException;
}

/// <summary>
/// The one answer for a download that fails that way (<see cref="ExportFailures"/>): 503 and the page that says what
/// to do. Use cases that publish (公表, 実績の確定, 訂正) turn the same failures into a refusal instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ExportFailureFilterAttribute : ExceptionFilterAttribute
{
    public override void OnException(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ExportFailures.Are(context.Exception))
        {
            return;
        }

        var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
        context.Result = new ViewResult
        {
            ViewName = "~/Features/Booklets/ExportFailed.cshtml",
            ViewData = new ViewDataDictionary<string>(metadata, context.ModelState) { Model = context.Exception.Message },
            TempData = context.HttpContext.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext),
            StatusCode = StatusCodes.Status503ServiceUnavailable,
        };
        context.ExceptionHandled = true;
    }
}
