using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Honjo.GyoseiKaikaku.Web.Features.Shared.Forms;

/// <summary>
/// A field of a form as its errors refer to it. <paramref name="Id"/> is what the field's <c>error-for</c> attribute
/// names (unique on the page; the inline message is <c>{Id}-error</c>); <paramref name="Names"/> are the words the
/// Japanese messages use for it (every message names its field: 「計画名を入力してください。」); <paramref name="Anchor"/>
/// is the element the summary links to and focuses (the first radio of a group; default <paramref name="Id"/>);
/// <paramref name="Binding"/> is the model-binding key of its errors (default <paramref name="Id"/>).
/// </summary>
public sealed record FormField(string Id, IReadOnlyList<string> Names, string? Anchor = null, string? Binding = null)
{
    public static FormField Of(string id, params string[] names) => new(id, names);

    public string Target => Anchor ?? Id;
}

/// <summary>One message of the summary: the field it belongs to (null for the form as a whole).</summary>
public sealed record FormError(string Message, FormField? Field);

/// <summary>
/// The errors of the form that was just refused, tied to its fields: listed in the summary in the order of the form
/// (messages about the form as a whole first), each linked to its field, and each field told its own messages
/// (<see cref="FieldErrorTagHelper"/>: <c>aria-invalid</c>, <c>aria-describedby</c>). See ADR 0025.
/// </summary>
public sealed class FormErrors
{
    public const string ViewDataKey = "Honjo.FormErrors";

    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    private FormErrors(string title) => Title = title;

    public static FormErrors None { get; } = new(string.Empty);

    /// <summary>The summary's heading, e.g. 「保存できませんでした。次の点を確認してください。」.</summary>
    public string Title { get; }

    public IReadOnlyList<FormError> InFormOrder { get; private set; } = [];

    public bool Any => InFormOrder.Count > 0;

    /// <summary>The messages that concern the field with this id, in the summary's order.</summary>
    public IReadOnlyList<string> For(string fieldId) => _byField.TryGetValue(fieldId, out var list) ? list : [];

    /// <summary>
    /// Ties <paramref name="messages"/> (a handler's refusals) and the model-binding errors of
    /// <paramref name="modelState"/> to <paramref name="fields"/>, listed in the order of the form.
    /// </summary>
    public static FormErrors Create(
        IEnumerable<string>? messages, ModelStateDictionary? modelState, IReadOnlyList<FormField> fields, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var result = new FormErrors(title ?? "入力内容を確認してください。");
        var found = new List<(string Message, IReadOnlyList<FormField> Fields)>();
        void Add(string message, IReadOnlyList<FormField> owners)
        {
            if (message.Length > 0 && !found.Any(f => f.Message == message))
            {
                found.Add((message, owners));
            }
        }

        if (modelState is not null)
        {
            foreach (var (key, entry) in modelState)
            {
                foreach (var error in entry.Errors)
                {
                    var message = string.IsNullOrEmpty(error.ErrorMessage) ? "入力内容が正しくありません。" : error.ErrorMessage;
                    var owner = fields.Where(f => string.Equals(f.Binding ?? f.Id, key, StringComparison.OrdinalIgnoreCase)).ToList();
                    Add(message, owner.Count > 0 ? owner : NamedIn(message, fields));
                }
            }
        }

        foreach (var message in messages ?? [])
        {
            Add(message, NamedIn(message, fields));
        }

        int Position(IReadOnlyList<FormField> owners) => owners.Count == 0 ? -1 : owners.Min(o => IndexOf(fields, o));
        var ordered = found.Select((f, i) => (f.Message, f.Fields, i)).OrderBy(f => Position(f.Fields)).ThenBy(f => f.i).ToList();
        result.InFormOrder = ordered.Select(f => new FormError(f.Message, f.Fields.Count == 0 ? null : f.Fields.MinBy(o => IndexOf(fields, o)))).ToList();
        foreach (var (message, owners, _) in ordered)
        {
            foreach (var owner in owners)
            {
                if (!result._byField.TryGetValue(owner.Id, out var list))
                {
                    result._byField[owner.Id] = list = [];
                }

                list.Add(message);
            }
        }

        return result;
    }

    /// <summary>Only messages, none tied to a field (a refusal of the whole action).</summary>
    public static FormErrors Of(IEnumerable<string?> messages, string? title = null) =>
        Create(messages.OfType<string>(), null, [], title);

    private static int IndexOf(IReadOnlyList<FormField> fields, FormField field)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (ReferenceEquals(fields[i], field))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The fields a message names. The longest name wins where names overlap (「訂正の理由」 over 「理由」).</summary>
    private static List<FormField> NamedIn(string message, IReadOnlyList<FormField> fields)
    {
        // A message that quotes a field (「評価の説明」に入力してください) belongs to that field, not to every field it
        // mentions on the way (年度末評価はAですが、実績値は…).
        var quoted = fields.Where(f => f.Names.Any(n => message.Contains($"「{n}」", StringComparison.Ordinal))).ToList();
        if (quoted.Count > 0)
        {
            return quoted;
        }

        var hits = fields
            .Select(f => (Field: f, Name: f.Names.Where(n => message.Contains(n, StringComparison.Ordinal)).MaxBy(n => n.Length)))
            .Where(h => h.Name is not null)
            .ToList();
        return hits.Where(h => !hits.Any(o => o.Name!.Length > h.Name!.Length && o.Name.Contains(h.Name, StringComparison.Ordinal)))
            .Select(h => h.Field).ToList();
    }
}

public static class FormErrorsViewExtensions
{
    /// <summary>
    /// Makes <paramref name="errors"/> the page's form errors: the fields marked <c>error-for</c> below read them.
    /// Returns them for the summary (<c>&lt;partial name="_ErrorSummary" model="…" /&gt;</c>).
    /// </summary>
    public static FormErrors UseFormErrors(this IHtmlHelper html, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.ViewData[FormErrors.ViewDataKey] = errors;
        return errors;
    }

    /// <summary>The page's form errors, or none.</summary>
    public static FormErrors FormErrorsOf(ViewDataDictionary viewData) =>
        viewData?[FormErrors.ViewDataKey] as FormErrors ?? FormErrors.None;
}
