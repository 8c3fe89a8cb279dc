using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Honjo.GyoseiKaikaku.Web.Features.Booklets;

/// <summary>Renders a Razor view to a string outside a request, so the booklet reuses the screen's sheet partial.</summary>
public sealed class RazorHtmlRenderer(IRazorViewEngine viewEngine, ITempDataProvider tempData, IServiceProvider services)
{
    public async Task<string> RenderAsync<TModel>(string viewPath, TModel model)
    {
        var httpContext = new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor());
        var view = viewEngine.GetView(executingFilePath: null, viewPath, isMainPage: true).View
            ?? throw new InvalidOperationException($"The view '{viewPath}' was not found.");
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(actionContext, view, viewData, new TempDataDictionary(httpContext, tempData), writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }
}
