using System.Globalization;
using Honjo.GyoseiKaikaku.Domain.Booklets;
using Honjo.GyoseiKaikaku.Domain.Plans;
using Honjo.GyoseiKaikaku.Infrastructure.Pdf.Native;

namespace Honjo.GyoseiKaikaku.Infrastructure.Booklets.Pdf;

/// <summary>
/// One plan sheet at its natural size, as _SheetBody.cshtml prints it with sheet.css (print branch: no links, no
/// 元の目標, no trend): 190 mm wide, 9 pt, line-height 1.4; the header, the 改革テーマ line and three tables that print
/// as one (ADR 0025). Lengths in points from the sheet's top-left corner.
/// </summary>
internal sealed class SheetLayout(TextSetter setter)
{
    public static readonly double Width = PdfPageBuilder.Mm(190);

    private const double FontSize = 9;
    private const double LineHeight = 1.4;
    private static readonly double Rule = 0.75;
    private static readonly double PadX = PdfPageBuilder.Mm(1.8);
    private static readonly double PadY = PdfPageBuilder.Mm(1.2);
    private static readonly PdfColor RuleColor = PdfColor.Hex("#333333");
    private static readonly PdfColor HeaderFill = PdfColor.Hex("#e8edf3");
    private static readonly PdfColor CurrentFill = PdfColor.Hex("#fffbe6");
    private static readonly PdfColor CurrentHeaderFill = PdfColor.Hex("#f6e7a9");
    private static readonly PdfColor OutsideFill = PdfColor.Hex("#f4f4f4");
    private static readonly PdfColor Muted = PdfColor.Hex("#555555");
    private static readonly PdfColor Achieved = PdfColor.Hex("#1a6b2f");
    private static readonly PdfColor NotAchieved = PdfColor.Hex("#a4262c");

    private static readonly TextStyle Body = TextStyle.Of(TextWeight.Regular, FontSize, LineHeight, PdfColor.Black);
    private static readonly TextStyle BodyBold = Body with { Weight = TextWeight.Bold };
    private static readonly TextStyle Title = TextStyle.Of(TextWeight.Bold, 11, LineHeight, PdfColor.Black);
    private static readonly TextStyle Number = Body with { Color = Muted };
    private static readonly TextStyle Header = TextStyle.Of(TextWeight.Bold, FontSize * 0.95, LineHeight, PdfColor.Black);
    private static readonly TextStyle SmallHeader = TextStyle.Of(TextWeight.Bold, FontSize * 0.8, 1.35, PdfColor.Black);
    private static readonly TextStyle Name = TextStyle.Of(TextWeight.Bold, FontSize * 1.1, LineHeight, PdfColor.Black);
    private static readonly TextStyle Target = TextStyle.Of(TextWeight.Regular, FontSize * 0.9, LineHeight, PdfColor.Black);
    private static readonly TextStyle History = TextStyle.Of(TextWeight.Regular, FontSize * 0.9, LineHeight, Muted);

    private static readonly double[] SixColumns = [(Width - Rule) * 0.21, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];
    private static readonly double[] TwoColumns = [(Width - Rule) * 0.21, double.NaN];

    private readonly GridTable _six = new(Width, SixColumns, PadX, PadY, Rule, RuleColor);
    private readonly GridTable _two = new(Width, TwoColumns, PadX, PadY, Rule, RuleColor);

    /// <summary>Lays out <paramref name="sheet"/>, its structure under <paramref name="parent"/>; returns the drawing and its height.</summary>
    public (DrawingList Drawing, double Height) Lay(BookletSheet sheet, string heading, string theme, StructureNode parent)
    {
        var d = new DrawingList();
        var y = HeaderBlock(d, sheet, heading, parent);
        y = ThemeLine(d, theme, y, parent);

        var prefix = "p" + sheet.Number.ToString();
        var headerCount = 0;
        StructureNode RowHeader(StructureNode row, string scope = "Row") =>
            row.Add(new StructureNode("TH") { Id = $"{prefix}-h{++headerCount}", Scope = scope });

        // The first table: the plan's particulars.
        var table = parent.Add("Table");
        var grid = _six.FirstGridLine(y);
        var first = true;
        void Row(IReadOnlyList<TableCell> cells)
        {
            grid = _six.Row(d, grid, cells, first);
            first = false;
        }

        Row(LabelledRow(table, RowHeader, "改革分野", (sheet.FieldTitle, Body)));
        Row(LabelledRow(table, RowHeader, "計画名", (sheet.Name, Name)));
        Row(PairRow(table, RowHeader, [("実行課", sheet.ExecutingDepartmentsText, 2), ("連携課", sheet.CooperatorsText, 2)]));
        Row(PairRow(table, RowHeader,
            [("開始年度", sheet.StartYear.ToString(), 1), ("達成目標年度", sheet.TargetYear.ToString(), 1),
             ("SDGs関連No.", string.Join("、", sheet.SdgGoals.Select(g => g.ToString(CultureInfo.InvariantCulture))), 1)]));
        Row(LabelledRow(table, RowHeader, "改革の視点", (sheet.Perspective.DisplayName(), Body)));
        Row(PolicyRow(table, RowHeader, sheet.PolicyMeasuresText));
        Row(ItemsRow(table, RowHeader, "現状と課題", sheet.CurrentSituation));
        Row(ItemsRow(table, RowHeader, "取組内容", sheet.Actions));
        Row(ItemsRow(table, RowHeader, "取組の効果", sheet.Effects));

        // The targets: the years head these cells only (ADR 0025).
        var targets = parent.Add("Table");
        var head = targets.Add("THead").Add("TR");
        var years = new List<TableCell> { CornerCell(head) };
        var yearIds = new List<string>();
        for (var i = 0; i < sheet.Targets.Count; i++)
        {
            var t = sheet.Targets[i];
            var id = $"{prefix}-y{t.Year}";
            yearIds.Add(id);
            var th = head.Add(new StructureNode("TH") { Id = id, Scope = "Column" });
            var current = t.Year == sheet.ReportYear;
            var cell = new TableCell(i + 1) { Background = current ? CurrentHeaderFill : HeaderFill };
            cell.Height = setter.Paragraph(cell.Content, th, t.Year.ToString(), Header, 0, 0, _six.ContentWidth(i + 1), TextAlign.Center);
            years.Add(cell);
        }

        grid = _six.Row(d, grid, years, false);
        var targetRow = targets.Add("TBody").Add("TR");
        var targetHeader = RowHeader(targetRow);
        var targetCells = new List<TableCell> { HeaderCell(targetHeader, "各年度達成目標") };
        for (var i = 0; i < sheet.Targets.Count; i++)
        {
            targetCells.Add(TargetCell(sheet.Targets[i], i + 1, sheet.ReportYear,
                targetRow.Add(new StructureNode("TD") { Headers = [targetHeader.Id!, yearIds[i]] })));
        }

        grid = _six.Row(d, grid, targetCells, false);

        // The year's report, its grade, the next year's policy and the remarks.
        var report = parent.Add("Table");
        var reportGrid = grid;
        void ReportRow(IReadOnlyList<TableCell> cells) => reportGrid = _two.Row(d, reportGrid, cells, false);

        ReportRow(TextRow(report, RowHeader, sheet.StatusReportHeading, sheet.StatusReport));
        ReportRow(GradeRow(report, RowHeader, sheet));
        ReportRow(TextRow(report, RowHeader, sheet.NextYearPolicyHeading, sheet.NextYearPolicy));
        var remarksRow = report.Add("TR");
        var remarksHeader = RowHeader(remarksRow);
        var remarks = ItemsCell(remarksRow.Add(new StructureNode("TD") { Headers = [remarksHeader.Id!] }), 1, sheet.Remarks, _two.ContentWidth(1));
        ReportRow([HeaderCell(remarksHeader, "備考"), remarks]);

        return (d, _two.Bottom(reportGrid));
    }

    /// <summary>The title on the left and 「計画番号 1-1 ・ 4頁」 on the right on one baseline, a 2 px rule under them.</summary>
    private double HeaderBlock(DrawingList d, BookletSheet sheet, string heading, StructureNode parent)
    {
        var titleBaseline = setter.Baseline(0, Title);
        var numberBaseline = setter.Baseline(0, Number);
        var above = Math.Max(titleBaseline, numberBaseline);
        var below = Math.Max(Title.LineHeight - titleBaseline, Number.LineHeight - numberBaseline);
        setter.Draw(d, parent.Add("P"), 0, above, heading, Title);
        var number = $"計画番号 {sheet.Number} ・ {sheet.Page}頁";
        setter.Draw(d, parent.Add("P"), Width - setter.Width(number, Number), above, number, Number);
        var rule = 2 * 0.75;
        d.Line(0, above + below + (rule / 2), Width, above + below + (rule / 2), rule, RuleColor);
        return above + below + rule + PdfPageBuilder.Mm(2);
    }

    /// <summary>「改革テーマ」 in a box, then the theme in bold; returns the top of what follows.</summary>
    private double ThemeLine(DrawingList d, string theme, double top, StructureNode parent)
    {
        var p = parent.Add("P");
        const double border = 0.75;
        var labelPad = 0.4 * FontSize;
        const string label = "改革テーマ";
        var labelWidth = setter.Width(label, Body) + (2 * labelPad) + (2 * border);
        var baseline = top + border + setter.Baseline(0, BodyBold);
        var boxHeight = BodyBold.LineHeight + (2 * border);
        d.Line(border / 2, top + (border / 2), labelWidth - (border / 2), top + (border / 2), border, RuleColor);
        d.Line(border / 2, top + boxHeight - (border / 2), labelWidth - (border / 2), top + boxHeight - (border / 2), border, RuleColor);
        d.Line(border / 2, top, border / 2, top + boxHeight, border, RuleColor);
        d.Line(labelWidth - (border / 2), top, labelWidth - (border / 2), top + boxHeight, border, RuleColor);
        setter.Draw(d, p, border + labelPad, baseline, label, Body);

        var x = labelWidth + (0.5 * FontSize) + setter.Width(" ", BodyBold);
        var lines = setter.Lines(theme, BodyBold, Width - x);
        for (var i = 0; i < lines.Count; i++)
        {
            setter.Draw(d, p, x, baseline + (i * BodyBold.LineHeight), lines[i], BodyBold);
        }

        var height = boxHeight + (Math.Max(0, lines.Count - 1) * BodyBold.LineHeight);
        return top + height + PdfPageBuilder.Mm(2);
    }

    private TableCell HeaderCell(StructureNode th, string text, int column = 0)
    {
        var cell = new TableCell(column) { Background = HeaderFill };
        cell.Height = setter.Paragraph(cell.Content, th, text, Header, 0, 0, _six.ContentWidth(column));
        return cell;
    }

    private TableCell CornerCell(StructureNode row)
    {
        var cell = new TableCell(0) { Background = HeaderFill };
        cell.Height = setter.Paragraph(cell.Content, row.Add("TD"), "年度", Header, 0, 0, _six.ContentWidth(0), TextAlign.Center);
        return cell;
    }

    private TableCell TextCell(StructureNode td, int column, int span, string text, TextStyle style, double width, bool preserveBreaks = false)
    {
        var cell = new TableCell(column, span);
        cell.Height = setter.Paragraph(cell.Content, td, text, style, 0, 0, width, preserveBreaks: preserveBreaks);
        return cell;
    }

    private List<TableCell> LabelledRow(StructureNode table, Func<StructureNode, string, StructureNode> rowHeader, string label, (string Text, TextStyle Style) value)
    {
        var row = table.Add("TR");
        var th = rowHeader(row, "Row");
        var td = row.Add(new StructureNode("TD") { Headers = [th.Id!], ColSpan = 5 });
        return [HeaderCell(th, label), TextCell(td, 1, 5, value.Text, value.Style, _six.ContentWidth(1, 5))];
    }

    /// <summary>A row of label/value pairs (実行課 | … | 連携課 | …), each value <c>span</c> columns wide.</summary>
    private List<TableCell> PairRow(StructureNode table, Func<StructureNode, string, StructureNode> rowHeader, IReadOnlyList<(string Label, string Value, int Span)> pairs)
    {
        var row = table.Add("TR");
        var cells = new List<TableCell>();
        var column = 0;
        foreach (var (label, value, span) in pairs)
        {
            var th = rowHeader(row, "Row");
            cells.Add(HeaderCell(th, label, column));
            var td = row.Add(new StructureNode("TD") { Headers = [th.Id!], ColSpan = span });
            cells.Add(TextCell(td, column + 1, span, value, Body, _six.ContentWidth(column + 1, span)));
            column += 1 + span;
        }

        return cells;
    }

    /// <summary>本庄市総合振興計画<br/>（後期基本計画施策中項目）: the small two-line header.</summary>
    private List<TableCell> PolicyRow(StructureNode table, Func<StructureNode, string, StructureNode> rowHeader, string policy)
    {
        var row = table.Add("TR");
        var th = rowHeader(row, "Row");
        var header = new TableCell(0) { Background = HeaderFill };
        var width = _six.ContentWidth(0);
        var top = setter.Paragraph(header.Content, th, "本庄市総合振興計画", SmallHeader, 0, 0, width);
        header.Height = top + setter.Paragraph(header.Content, th, "（後期基本計画施策中項目）", SmallHeader, 0, top, width);
        var td = row.Add(new StructureNode("TD") { Headers = [th.Id!], ColSpan = 5 });
        return [header, TextCell(td, 1, 5, policy, Body, _six.ContentWidth(1, 5))];
    }

    private List<TableCell> ItemsRow(StructureNode table, Func<StructureNode, string, StructureNode> rowHeader, string label, IReadOnlyList<string> items)
    {
        var row = table.Add("TR");
        var th = rowHeader(row, "Row");
        var td = row.Add(new StructureNode("TD") { Headers = [th.Id!], ColSpan = 5 });
        return [HeaderCell(th, label), ItemsCell(td, 1, items, _six.ContentWidth(1, 5), span: 5)];
    }

    /// <summary>_Items.cshtml: one list item a line group, 0.5 mm between items, 「＜…＞」 items in bold.</summary>
    private TableCell ItemsCell(StructureNode td, int column, IReadOnlyList<string> items, double width, TextStyle? style = null, int span = 1)
    {
        var cell = new TableCell(column, span);
        cell.Height = Items(cell.Content, td, items, style ?? Body, width, 0);
        return cell;
    }

    private double Items(DrawingList d, StructureNode owner, IReadOnlyList<string> items, TextStyle style, double width, double top)
    {
        var y = top;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                y += PdfPageBuilder.Mm(0.5);
            }

            var item = items[i];
            var itemStyle = item.StartsWith('<') && item.EndsWith('>') ? style with { Weight = TextWeight.Bold } : style;
            y += setter.Paragraph(d, owner, item, itemStyle, 0, y, width);
        }

        return y - top;
    }

    private TableCell TargetCell(BookletTarget target, int column, Domain.Common.FiscalYear reportYear, StructureNode td)
    {
        var background = !target.InPlanPeriod ? OutsideFill : target.Year == reportYear ? CurrentFill : (PdfColor?)null;
        var cell = new TableCell(column) { Background = background };
        var width = _six.ContentWidth(column);
        var height = Items(cell.Content, td, target.Lines, Target, width, 0);
        if (target.Achievement is { } a)
        {
            var result = TextStyle.Of(TextWeight.Regular, Target.Size * 0.85, LineHeight, a.Achieved ? Achieved : NotAchieved);
            height += 0.2 * result.Size;
            height += setter.Paragraph(cell.Content, td, target.ResultText, result, 0, height, width);
        }

        cell.Height = height;
        return cell;
    }

    /// <summary>A report row (white-space: pre-wrap, at least 12 mm tall).</summary>
    private List<TableCell> TextRow(StructureNode table, Func<StructureNode, string, StructureNode> rowHeader, string label, string text)
    {
        var row = table.Add("TR");
        var th = rowHeader(row, "Row");
        var td = row.Add(new StructureNode("TD") { Headers = [th.Id!] });
        var width = _two.ContentWidth(1);
        var cell = new TableCell(1) { MinHeight = PdfPageBuilder.Mm(12) };
        cell.Height = setter.Paragraph(cell.Content, td, text, Body, 0, 0, width, preserveBreaks: true);
        return [HeaderCell(th, label), cell];
    }

    /// <summary>
    /// 年度末評価: the grade, the 二次評価 beside it and, smaller and grey, the earlier years' grades, inline as the
    /// spans print (generated 「、」 between earlier years; whitespace between the spans as one space).
    /// </summary>
    private List<TableCell> GradeRow(StructureNode table, Func<StructureNode, string, StructureNode> rowHeader, BookletSheet sheet)
    {
        var row = table.Add("TR");
        var th = rowHeader(row, "Row");
        var td = row.Add(new StructureNode("TD") { Headers = [th.Id!] });
        var runs = new List<(string Text, TextStyle Style, double Before)>();
        if (sheet.Grade is { } grade)
        {
            runs.Add((grade.ToString(), Body, 0));
        }

        if (sheet.SecondGrade is { } second)
        {
            runs.Add(($"（二次評価：{second}）", Body, runs.Count > 0 ? setter.Width(" ", Body) : 0));
        }

        if (sheet.EarlierGrades.Count > 0)
        {
            var history = "（前年度までの評価：" + string.Join("、", sheet.EarlierGrades.Select(h =>
                $"{h.Year.Code}年度 {h.Grade}" + (h.SecondGrade is { } hs ? $"（二次評価 {hs}）" : string.Empty))) + "）";
            runs.Add((history, History, (runs.Count > 0 ? setter.Width(" ", Body) : 0) + (0.5 * History.Size)));
        }

        var width = _two.ContentWidth(1);
        var cell = new TableCell(1);
        var x = 0.0;
        var line = 0;
        foreach (var (text, style, before) in runs)
        {
            x += before;
            // A run that does not fit where the line has got to wraps (rare: a long history of grades).
            var pieces = setter.Width(text, style) <= width - x ? [text] : setter.Lines(text, style, width - x);
            for (var i = 0; i < pieces.Count; i++)
            {
                setter.Draw(cell.Content, td, x, setter.Baseline(line * Body.LineHeight, Body), pieces[i], style);
                if (i < pieces.Count - 1)
                {
                    line++;
                    x = 0;
                }
                else
                {
                    x += setter.Width(pieces[i], style);
                }
            }
        }

        cell.Height = runs.Count == 0 ? 0 : (line + 1) * Body.LineHeight;
        return [HeaderCell(th, "年度末評価"), cell];
    }
}
