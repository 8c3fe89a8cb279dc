using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Honjo.GyoseiKaikaku.Web.Features.Shared.Forms;

/// <summary>
/// <c>error-for="Id"</c> on an input, textarea, select or fieldset: when the page's <see cref="FormErrors"/> hold
/// messages for that field, the field gets <c>aria-invalid="true"</c> (a fieldset: its radios and checkboxes are
/// described instead), its own message next to it (<c>{Id}-error</c>) and that message first in its
/// <c>aria-describedby</c>, before any hint it already names.
/// </summary>
[HtmlTargetElement("input", Attributes = AttributeName)]
[HtmlTargetElement("textarea", Attributes = AttributeName)]
[HtmlTargetElement("select", Attributes = AttributeName)]
[HtmlTargetElement("fieldset", Attributes = AttributeName)]
public sealed class FieldErrorTagHelper : TagHelper
{
    private const string AttributeName = "error-for";

    /// <summary>After the framework's tag helpers (asp-for writes the id first).</summary>
    public override int Order => 100;

    [HtmlAttributeName(AttributeName)]
    public string FieldId { get; set; } = string.Empty;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var messages = FormErrorsViewExtensions.FormErrorsOf(ViewContext.ViewData).For(FieldId);
        if (messages.Count == 0)
        {
            return;
        }

        var errorId = FieldId + "-error";
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{errorId} {existing.Value}" : errorId;
        output.Attributes.SetAttribute("aria-describedby", describedBy);
        var isGroup = string.Equals(output.TagName, "fieldset", StringComparison.OrdinalIgnoreCase);
        if (!isGroup)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            output.AddClass("input-validation-error", HtmlEncoder.Default);
        }

        var message = new TagBuilder("span");
        message.AddCssClass("field-error");
        message.Attributes["id"] = errorId;
        message.Attributes["data-field-error"] = FieldId;
        message.InnerHtml.AppendHtml("<span class=\"visually-hidden\">エラー：</span>");
        message.InnerHtml.Append(string.Join(" ", messages));

        // Between the label and the field, as the message is read; in a fieldset after the legend (which comes first).
        if (isGroup)
        {
            output.PostContent.AppendHtml(message);
        }
        else
        {
            output.PreElement.AppendHtml(message);
        }
    }
}
