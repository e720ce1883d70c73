using Extractor.Grid;

namespace Extractor.Tables;

/// <summary>
/// A table row cut by a page break: the top row of a table that opens a page without a closing line
/// continues the bottom row of the table that ended the previous page open. Each continued cell takes the
/// glyphs of the cell below it in the same columns, placed under its own, and its text is made again, so a
/// cell's wrapped lines and paragraphs read the same as if the page had not broken. Where the rest was printed
/// (its page and text box) is kept in the cell's <see cref="Cell.Continued"/>; its own text box stays that of its own page.
/// </summary>
public static class PageBreakJoin
{
    /// <summary>
    /// Joins <paramref name="next"/>'s first row into <paramref name="previous"/>'s last; null when the two do not
    /// continue each other. Where both tables are closed, a merged cell the break cut still goes back together
    /// (<c>MergedCellAcrossPages</c>): spreadsheet exports never split a row but draw a merged label on every page
    /// it crosses, each page showing the part of its text that falls on it ("项目资" | "金(万元)").
    /// </summary>
    public static (FoundTable Previous, FoundTable Next)? Join(FoundTable previous, FoundTable next, int nextPage)
    {
        var rowCut = previous.OpenBottom && next.OpenTop;
        if (!rowCut && !next.Cells.Any(c => c.OpenTop)) return null;
        var bottom = previous.RowCount;
        var cells = previous.Cells.ToList();
        var rest = new List<TableCell>();
        foreach (var continuation in next.Cells)
        {
            var target = continuation.Cell.Row == 0 && (rowCut || continuation.OpenTop)
                ? cells.FindIndex(c => c.Cell.Row + c.Cell.RowSpan == bottom && Continues(c, continuation, rowCut) && SameColumns(c.Cell, continuation.Cell))
                : -1;
            if (target < 0) { rest.Add(continuation); continue; }
            rest.Add(continuation with { Cell = continuation.Cell with { Text = null } }); // its glyphs stay taken
            var (above, below) = WithoutDrawnTwice(cells[target], continuation);
            var shift = Shift(above, below);
            var glyphs = above.Glyphs.Concat(below.Glyphs.Select(g => g with { Box = g.Box with { Top = g.Box.Top + shift, Bottom = g.Box.Bottom + shift } })).ToList();
            var continued = TextLines.TextBox(below.Glyphs) is { } printed ? above.Cell.Continued.Append(new CellPart(nextPage, printed)).ToList() : above.Cell.Continued;
            cells[target] = above with { Cell = above.Cell with { Text = TextLines.CellText(glyphs, above.Cell.Box!.Value.Right), Continued = continued }, Glyphs = glyphs };
        }
        return (previous with { Cells = cells }, next with { Cells = rest });
    }

    /// <summary>
    /// The two parts without the glyphs drawn on both pages: a spreadsheet export draws a merged cell's whole text
    /// on each page and clips it, so a glyph the break cuts shows on both; the part that holds it past its edge
    /// (<see cref="TableCell.Overflow"/>) loses it when the other part reads it too.
    /// </summary>
    private static (TableCell Above, TableCell Below) WithoutDrawnTwice(TableCell above, TableCell below)
    {
        var aboveOver = above.Overflow.Where(g => g.CenterY > above.Cell.Box!.Value.Bottom).ToList();
        var belowOver = below.Overflow.Where(g => g.CenterY < below.Cell.Box!.Value.Top).ToList();
        var aboveOwn = above.Glyphs.Except(aboveOver).ToList();
        var belowOwn = below.Glyphs.Except(belowOver).ToList();
        if (aboveOver.Count > 0 && Flat(belowOwn).StartsWith(Flat(aboveOver), StringComparison.Ordinal))
            above = above with { Glyphs = aboveOwn };
        if (belowOver.Count > 0 && Flat(aboveOwn).EndsWith(Flat(belowOver), StringComparison.Ordinal))
            below = below with { Glyphs = belowOwn };
        return (above, below);
    }

    private static string Flat(IEnumerable<Glyph> glyphs) => (TextLines.CellText(glyphs, double.MaxValue) ?? "").Replace("\n", "");

    /// <summary>
    /// How far the continuation's glyphs move down to sit under the cell they continue: their first line one line
    /// (<see cref="ContinuedLinePitch"/> font sizes) below its last printed line, as if the page had not broken, so
    /// the space a page's foot leaves under a cell reads as no paragraph's; under the cell's box when either is blank.
    /// </summary>
    private static double Shift(TableCell above, TableCell continuation)
    {
        var last = TextLines.Of(above.Glyphs).LastOrDefault();
        var first = TextLines.Of(continuation.Glyphs).FirstOrDefault();
        return last is null || first is null
            ? above.Cell.Box!.Value.Bottom - continuation.Cell.Box!.Value.Top
            : last.Top + ContinuedLinePitch * last.FontSize - first.Top;
    }

    /// <summary>Baseline to baseline of two lines of one paragraph, in font sizes: under <see cref="TextLines.ParagraphPitch"/>.</summary>
    public const double ContinuedLinePitch = 1.2;

    /// <summary>
    /// The cell below continues the one above across the break when no line closes the one above there: a line
    /// under it ends it, though the page below draws no line over the next row (Chromium cutting a two-row header
    /// between its rows: 年度指标值 above, 指标性质 | 指标值 | 度量单位 below). Where the break cut no row, only a
    /// merged cell open on both sides continues.
    /// </summary>
    private static bool Continues(TableCell above, TableCell below, bool rowCut) =>
        above.OpenBottom && (rowCut || below.OpenTop);

    /// <summary>The two cells cover mostly the same columns of the page.</summary>
    private static bool SameColumns(Cell a, Cell b)
    {
        if (a.Box is not { } x || b.Box is not { } y) return false;
        var overlap = Math.Min(x.Right, y.Right) - Math.Max(x.Left, y.Left);
        return overlap > 0.5 * Math.Min(x.Width, y.Width);
    }
}
