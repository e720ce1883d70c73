using Extractor.Grid;

namespace Extractor.Tables;

/// <summary>
/// Tables from text alignment, for forms printed without borders. A line that breaks into two or more runs
/// of text (a gap of more than <see cref="CellGap"/> font sizes) is a table row whose cells are its runs in
/// order, as a tab-separated export gives them (the mapper aligns shifted rows by the type of their values).
/// A line that follows its row at the text's own line spacing, each of its runs under a cell of that row,
/// is the wrapped rest of those cells. Lines outside the table (title, year) stay lines.
/// </summary>
public sealed class StreamGridFinder : IGridFinder
{
    /// <summary>A gap wider than this many font sizes separates two cells of a row.</summary>
    public const double CellGap = 1.0;

    /// <summary>A line this close (in font sizes) under its row continues the row's cells; row spacing is wider.</summary>
    public const double WrapLeading = 0.45;

    public IReadOnlyList<FoundTable> Find(PageLayout page)
    {
        var lines = TextLines.Of(page.Glyphs).Select(l => (Line: l, Runs: Runs(l))).ToList();
        var first = lines.FindIndex(l => l.Runs.Count >= 2);
        var last = lines.FindLastIndex(l => l.Runs.Count >= 2);
        if (first < 0 || last == first) return [];
        while (last + 1 < lines.Count && Wraps(lines[last].Line, lines[last + 1].Line)) last++; // the last row's wrapped cells
        var region = lines.Skip(first).Take(last - first + 1).ToList();

        var rows = new List<List<List<Glyph>>>();
        TextLine? previous = null;
        foreach (var (line, runs) in region)
        {
            var row = rows.Count > 0 ? rows[^1] : null;
            var targets = row is not null && previous is not null && Wraps(previous, line)
                ? runs.Select(run => row.FindIndex(cell => Overlap(cell, run))).ToList()
                : null;
            if (row is not null && targets is not null && targets.All(t => t >= 0))
                for (var i = 0; i < runs.Count; i++) row[targets[i]].AddRange(runs[i]);
            else
                rows.Add(runs);
            previous = line;
        }

        var cells = new List<TableCell>();
        for (var r = 0; r < rows.Count; r++)
            for (var column = 0; column < rows[r].Count; column++)
            {
                var glyphs = rows[r][column];
                var box = new TextLine(glyphs.OrderBy(g => g.Box.Left).ToList()).Box;
                cells.Add(new TableCell(new Cell(r, column, TextLines.CellText(glyphs, box.Right)) { Box = box }, glyphs));
            }
        var all = region.SelectMany(l => l.Line.Glyphs).ToList();
        var tableBox = new Box(all.Min(g => g.Box.Left), all.Min(g => g.Box.Top), all.Max(g => g.Box.Right), all.Max(g => g.Box.Bottom));
        return [new FoundTable(tableBox, cells)];
    }

    /// <summary>True when <paramref name="next"/> follows <paramref name="line"/> at the text's own line spacing.</summary>
    private static bool Wraps(TextLine line, TextLine next) => next.Top - line.Bottom < next.FontSize * WrapLeading;

    /// <summary>True when a run lies under a cell: their extents across the page overlap.</summary>
    private static bool Overlap(List<Glyph> cell, List<Glyph> run) =>
        Math.Min(cell.Max(g => g.Box.Right), run.Max(g => g.Box.Right)) > Math.Max(cell.Min(g => g.Box.Left), run.Min(g => g.Box.Left));

    /// <summary>The line's runs of text: glyphs split where the gap is wider than <see cref="CellGap"/> font sizes.</summary>
    private static List<List<Glyph>> Runs(TextLine line)
    {
        var runs = new List<List<Glyph>>();
        foreach (var g in line.Glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Value)))
        {
            if (runs.Count == 0 || g.Box.Left - runs[^1][^1].Box.Right > g.FontSize * CellGap) runs.Add([]);
            runs[^1].Add(g);
        }
        return runs;
    }

}
