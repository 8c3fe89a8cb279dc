namespace Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

/// <summary>
/// One element of the structure tree (what a screen reader walks): a standard role (Sect, H1, H2, P, Table, THead,
/// TBody, TR, TH, TD, L, LI, LBody, Span…), for a header cell its /ID and scope, for a data cell the /IDs of its headers.
/// </summary>
public sealed class StructureNode(string role)
{
    private readonly List<StructureNode> _children = [];

    public string Role { get; } = role;

    /// <summary>The element's /ID (a header cell's, named by the /Headers of the cells it heads). Unique in a document.</summary>
    public string? Id { get; init; }

    /// <summary>A header cell's /Scope: "Row", "Column" or "Both" (Table attributes).</summary>
    public string? Scope { get; init; }

    /// <summary>The /IDs of the header cells of a data cell (Table attribute /Headers).</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary>A cell's /ColSpan when above 1.</summary>
    public int ColSpan { get; init; } = 1;

    public IReadOnlyList<StructureNode> Children => _children;

    /// <summary>Adds a child element and returns it.</summary>
    public StructureNode Add(StructureNode child)
    {
        _children.Add(child);
        return child;
    }

    public StructureNode Add(string role) => Add(new StructureNode(role));
}
