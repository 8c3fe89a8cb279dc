using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Pdf;

/// <summary>
/// Drawing calls recorded before they go to a page (ADR 0036): a sheet is laid out at its natural size first and only
/// then is its zoom known (a sheet taller than the page is shrunk to fit, as the browser did), and a table cell's
/// text is laid out before its row's height, backgrounds and rules are. <see cref="DrawOn"/> replays the calls in the
/// order they were recorded, moved and scaled.
/// </summary>
internal sealed class DrawingList
{
    private readonly List<Drawing> _drawings = [];

    public int Count => _drawings.Count;

    public void Text(
        StructureNode? owner, double x, double baseline, string text, TextWeight weight, double size, PdfColor color,
        IReadOnlyList<(int Index, double Em)>? shifts = null) =>
        _drawings.Add(new Drawing(DrawingKind.Text, owner, x, baseline, 0, 0, size, text, weight, color, shifts));

    public void Fill(double x, double y, double width, double height, PdfColor color) =>
        _drawings.Add(new Drawing(DrawingKind.Fill, null, x, y, width, height, 0, null, TextWeight.Regular, color));

    public void Line(double x1, double y1, double x2, double y2, double lineWidth, PdfColor color) =>
        _drawings.Add(new Drawing(DrawingKind.Line, null, x1, y1, x2, y2, lineWidth, null, TextWeight.Regular, color));

    /// <summary>Appends <paramref name="other"/>'s calls moved by (<paramref name="dx"/>, <paramref name="dy"/>).</summary>
    public void Append(DrawingList other, double dx, double dy)
    {
        foreach (var d in other._drawings)
        {
            _drawings.Add(d.Kind == DrawingKind.Line
                ? d with { X = d.X + dx, Y = d.Y + dy, Width = d.Width + dx, Height = d.Height + dy }
                : d with { X = d.X + dx, Y = d.Y + dy });
        }
    }

    /// <summary>Draws every call on <paramref name="page"/>, scaled by <paramref name="zoom"/> and then moved to (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void DrawOn(PdfPageBuilder page, double x, double y, double zoom = 1)
    {
        foreach (var d in _drawings)
        {
            switch (d.Kind)
            {
                case DrawingKind.Text:
                    page.Text(d.Owner, x + (d.X * zoom), y + (d.Y * zoom), d.Content!, d.Weight, d.Size * zoom, d.Color, d.Shifts);
                    break;
                case DrawingKind.Fill:
                    page.Fill(x + (d.X * zoom), y + (d.Y * zoom), d.Width * zoom, d.Height * zoom, d.Color);
                    break;
                default:
                    page.Line(x + (d.X * zoom), y + (d.Y * zoom), x + (d.Width * zoom), y + (d.Height * zoom), d.Size * zoom, d.Color);
                    break;
            }
        }
    }

    private enum DrawingKind
    {
        Text,
        Fill,
        Line,
    }

    /// <summary>One call. For a line, (X, Y) is its start and (Width, Height) its end, Size its width.</summary>
    private readonly record struct Drawing(
        DrawingKind Kind, StructureNode? Owner, double X, double Y, double Width, double Height, double Size, string? Content, TextWeight Weight, PdfColor Color,
        IReadOnlyList<(int Index, double Em)>? Shifts = null);
}
