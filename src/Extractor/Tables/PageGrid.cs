using Extractor.Grid;
using Extractor.Text;

namespace Extractor.Tables;

/// <summary>
/// One page's grid from the tables found on it and the text around them: each table's rows in place, and
/// each line outside the tables (a title, the year, a note) as a row of its own, split into cells where the
/// line leaves a wide gap, all in top-to-bottom order. This is how the text and HTML readers emit a form
/// whose title sits above its table, so the segmenter and mapper see the same thing.
/// </summary>
public static class PageGrid
{
    /// <summary>A gap wider than this many font sizes splits a line outside the tables into cells.</summary>
    private const double CellGap = 2.0;

    public static GridPage Assemble(PageLayout page, IReadOnlyList<FoundTable> tables, string method)
    {
        var taken = new HashSet<Glyph>(tables.SelectMany(t => t.Glyphs));
        var blocks = new List<(double Top, Func<int, (IEnumerable<Cell> Cells, int Rows)> Place)>();
        foreach (var table in tables)
            blocks.Add((table.Box.Top, first => (table.Cells.Where(c => !c.Cell.IsBlank).Select(c => c.Cell with { Row = c.Cell.Row + first }), table.RowCount)));
        foreach (var line in TextLines.Of(page.Glyphs.Where(g => !taken.Contains(g))))
            blocks.Add((line.Top, row => (LineCells(line, row), 1)));

        var cells = new List<Cell>();
        var next = 0;
        foreach (var (_, place) in blocks.OrderBy(b => b.Top))
        {
            var (placed, rows) = place(next);
            cells.AddRange(placed);
            next += Math.Max(rows, 1);
        }
        return new GridPage(page.Number, method, cells) { Size = (page.Width, page.Height) };
    }

    private static IEnumerable<Cell> LineCells(TextLine line, int row)
    {
        var column = 0;
        var run = new List<Glyph>();
        foreach (var g in line.Glyphs)
        {
            if (run.Count > 0 && g.Box.Left - run[^1].Box.Right > g.FontSize * CellGap)
            {
                if (RunCell(run, row, column) is { } cell) { yield return cell; column++; }
                run = [];
            }
            run.Add(g);
        }
        if (RunCell(run, row, column) is { } last) yield return last;
    }

    private static Cell? RunCell(List<Glyph> run, int row, int column) =>
        CjkText.CleanLine(TextLine.Text(run)) is { } text
            ? new Cell(row, column, text) { Box = new TextLine(run).Box }
            : null;
}
