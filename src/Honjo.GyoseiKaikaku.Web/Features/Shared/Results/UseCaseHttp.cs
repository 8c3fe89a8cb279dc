using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Shared.Results;

/// <summary>The one mapping of a <see cref="UseCaseResult{T}"/> to HTTP, for every controller.</summary>
public static class UseCaseHttp
{
    public static int StatusCodeOf(UseCaseStatus status) => status switch
    {
        UseCaseStatus.Ok => StatusCodes.Status200OK,
        UseCaseStatus.NotFound => StatusCodes.Status404NotFound,
        UseCaseStatus.Forbidden => StatusCodes.Status403Forbidden,
        UseCaseStatus.Invalid => StatusCodes.Status422UnprocessableEntity,
        UseCaseStatus.Conflict => StatusCodes.Status409Conflict,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>
    /// Ok → <paramref name="ok"/> (a view or a redirect); NotFound → 404 (or <paramref name="notFound"/>, such as the
    /// plan-not-in-edition page); Forbidden → the 403 page; Invalid and Conflict → 422 and 409 with
    /// <paramref name="refused"/>, the page again with the person's input.
    /// </summary>
    public static IActionResult Answer<T>(
        this Controller controller,
        UseCaseResult<T> result,
        Func<T, IActionResult> ok,
        Func<UseCaseResult<T>, IActionResult> refused,
        Func<IActionResult>? notFound = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        ArgumentNullException.ThrowIfNull(refused);
        switch (result.Status)
        {
            case UseCaseStatus.Ok:
                return ok(result.Value!);
            case UseCaseStatus.NotFound:
                return notFound?.Invoke() ?? controller.NotFound();
            case UseCaseStatus.Forbidden:
                return controller.Forbidden();
            default:
                controller.Response.StatusCode = StatusCodeOf(result.Status);
                return refused(result);
        }
    }

    /// <summary>As <see cref="Answer{T}"/>, for a refusal whose page must be read again (the form's lists, the record).</summary>
    public static async Task<IActionResult> AnswerAsync<T>(
        this Controller controller,
        UseCaseResult<T> result,
        Func<T, IActionResult> ok,
        Func<UseCaseResult<T>, Task<IActionResult>> refused,
        Func<IActionResult>? notFound = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(refused);
        if (result.Status is UseCaseStatus.Invalid or UseCaseStatus.Conflict)
        {
            controller.Response.StatusCode = StatusCodeOf(result.Status);
            return await refused(result);
        }

        return controller.Answer(result, ok, _ => throw new InvalidOperationException("A refusal is answered above."), notFound);
    }

    /// <summary>
    /// For a form that answers on another page (公表, 提出期限…): the notice or the refusal's message is carried to
    /// <paramref name="next"/> (TempData "Notice" or "Error"); 404 and 403 as everywhere.
    /// </summary>
    public static IActionResult AnswerWithNotice<T>(this Controller controller, UseCaseResult<T> result, string notice, IActionResult next)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Status)
        {
            case UseCaseStatus.NotFound:
                return controller.NotFound();
            case UseCaseStatus.Forbidden:
                return controller.Forbidden();
            case UseCaseStatus.Ok:
                controller.TempData["Notice"] = notice;
                return next;
            default:
                controller.TempData["Error"] = result.Error;
                return next;
        }
    }
}
