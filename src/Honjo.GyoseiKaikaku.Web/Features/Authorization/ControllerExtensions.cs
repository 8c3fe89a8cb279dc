using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Authorization;

public static class ControllerExtensions
{
    /// <summary>
    /// A plain 403 with the Japanese explanation. <c>Forbid()</c> would redirect to the access-denied page with a
    /// 302, which hides the refusal from scripts and makes a crafted POST look like it went somewhere.
    /// </summary>
    public static ViewResult Forbidden(this Controller controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.Response.StatusCode = StatusCodes.Status403Forbidden;
        return controller.View("~/Features/Account/Denied.cshtml");
    }
}

public static class ModelStateExtensions
{
    /// <summary>The messages model binding and validation attributes found, in the order of the form (all Japanese).</summary>
    public static IReadOnlyList<string> JapaneseErrors(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.IsValid
            ? []
            : modelState.Values.SelectMany(v => v.Errors).Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "入力内容が正しくありません。" : e.ErrorMessage).Distinct().ToList();
    }
}
