using Extractor.Grid;

namespace Extractor.Tables;

/// <summary>
/// Tables from text alignment, for forms printed without borders; the whole page is read as one table.
/// Lines break into runs of text at gaps without a printed space, and at narrow ones where other lines start
/// a run at the same place (two cells whose text touches); runs stacked one line pitch apart are one cell's
/// wrapped lines (a block); blocks form rows (<see cref="RowBands"/>) and the rows' blocks give the column
/// boundaries (<see cref="ColumnGrid"/>). Each block is placed in the columns its edges fall in; a label
/// centred over free columns (a merged header) spans those it is centred on.
/// </summary>
public sealed class StreamGridFinder : IGridFinder
{
    /// <summary>A gap wider than this many font sizes, with no printed space in it, separates two cells.</summary>
    public const double CellGap = 0.3;

    /// <summary>A narrower gap separates two cells where at least <see cref="MinAlignedStarts"/> other runs start at the same place.</summary>
    public const double AlignedGap = 0.1;

    public const int MinAlignedStarts = 2;

    /// <summary>Columns are found from the rows of at least this many cells (table rows, not a title or a paragraph).</summary>
    public const int MinRowCells = 2;

    /// <summary>A block's edges are taken this far (points) inside it when placed in columns: a boundary may pass right by the text it bounds.</summary>
    public const double Inset = 1;

    /// <summary>Text at least this many times the body's font size is a title.</summary>
    public const double TitleSize = 1.2;

    /// <summary>The widest distance between the baselines of one cell's lines, in font sizes.</summary>
    public const double MaxPitch = 1.45;

    /// <summary>Extra space (font sizes) over the text's tightest line spacing still read as the same cell's next line.</summary>
    public const double WrapSlack = 0.05;

    public IReadOnlyList<FoundTable> Find(PageLayout page)
    {
        var lines = TextLines.Of(page.Glyphs);
        var runs = lines.Select(Runs).ToList();
        if (runs.Count(r => r.Count >= 2) < 2) return [];

        var starts = runs.SelectMany(r => r).Select(r => (r[0].Box.Left, r[0].FontSize)).ToList();
        var split = runs.SelectMany(r => SplitAtAlignedStarts(r, starts)).ToList();
        var fontSize = lines.Select(l => l.FontSize).Order().ElementAt(lines.Count / 2); // the body text's, not the title's
        var pitch = Pitch(split, fontSize);
        var blocks = Blocks(split, pitch);
        var rows = RowBands.Of(blocks, pitch);
        var (tableLeft, tableRight) = (blocks.Min(b => b.Left), blocks.Max(b => b.Right));
        var cells = new List<TableCell>();
        ColumnGrid grid = null!;
        for (var r = 0; r < rows.Count; r++)
        {
            // Each form that starts on the page has its own columns; the rows continuing the previous page's form
            // are often too few to show theirs, and take the page's.
            if (r == 0) grid = GridOf(rows, fontSize);
            else if (IsTitle(rows[r], fontSize)) grid = GridOf(rows.Skip(r).TakeWhile((row, i) => i == 0 || !IsTitle(row, fontSize)).ToList(), fontSize);
            var placed = rows[r].OrderBy(b => b.Left).Select(b => (Block: b, First: grid.ColumnAt(b.Left + Inset), Last: grid.ColumnAt(b.Right - Inset))).ToList();
            var next = 0;
            for (var i = 0; i < placed.Count; i++)
            {
                var block = placed[i].Block;
                var from = Math.Max(placed[i].First, next);
                var free = (From: next, To: i + 1 < placed.Count ? placed[i + 1].First - 1 : grid.Count - 1);
                var (column, end) = CentredSpan(grid, block, from, Math.Max(from, placed[i].Last), free, tableLeft, tableRight);
                cells.Add(new TableCell(new Cell(r, column, TextLines.CellText(block.Glyphs, block.Right)) { Box = block.Box, ColumnSpan = end - column + 1 }, block.Glyphs));
                next = end + 1;
            }
        }
        var all = blocks.SelectMany(b => b.Glyphs).ToList();
        // A page break may cut a cell's text: the page ends in a text short of its sentence's end, or starts with
        // a row of one or two texts and nothing else (a header row has more cells, a table row has figures, a
        // title a larger font).
        var openBottom = !IsTitle(rows[^1], fontSize) && rows[^1].Any(b => b.IsLabel && !b.EndsSentence);
        var openTop = !IsTitle(rows[0], fontSize) && rows[0].Count <= 2 && rows[0].All(b => b.IsLabel);
        // No line closes a borderless cell: those of the first and last rows are as open as the table.
        var last = cells.Max(c => c.Cell.Row);
        cells = cells.Select(c => c with { OpenTop = openTop && c.Cell.Row == 0, OpenBottom = openBottom && c.Cell.Row == last }).ToList();
        return [new FoundTable(new Box(all.Min(g => g.Box.Left), all.Min(g => g.Box.Top), all.Max(g => g.Box.Right), all.Max(g => g.Box.Bottom)), cells, openTop, openBottom)];
    }

    /// <summary>A row in a larger font than the body's: a form's title, which starts a table of its own columns.</summary>
    private static bool IsTitle(List<TextBlock> row, double fontSize) => row.All(b => b.FontSize >= fontSize * TitleSize);

    private static ColumnGrid GridOf(List<List<TextBlock>> rows, double fontSize) =>
        ColumnGrid.From(rows.Where(r => r.Count >= MinRowCells).Select(r => r.OrderBy(b => b.Left).Select(b => (b.Left, b.Right)).ToList()).ToList(), fontSize);

    /// <summary>
    /// The columns a block spans: a label centred over empty columns (预算目标 over the three columns of the
    /// planned goals) spans the run of free columns whose middle is nearest its own, the narrower one of two as near.
    /// </summary>
    private static (int First, int Last) CentredSpan(ColumnGrid grid, TextBlock block, int first, int last, (int From, int To) free, double left, double right)
    {
        var centre = (block.Left + block.Right) / 2;
        double Edge(int boundary) => boundary < 0 ? left : boundary >= grid.Boundaries.Count ? right : grid.Boundaries[boundary];
        var best = (first, last);
        if (block.Left - Edge(first - 1) <= block.FontSize * 0.5) return best; // printed from its column's left edge: not centred
        var nearest = Math.Abs((Edge(first - 1) + Edge(last)) / 2 - centre);
        for (var a = free.From; a <= first; a++)
            for (var b = last; b <= free.To; b++)
            {
                var off = Math.Abs((Edge(a - 1) + Edge(b)) / 2 - centre);
                if (off < nearest - block.FontSize * 0.25) (best, nearest) = ((a, b), off);
            }
        return best;
    }

    /// <summary>
    /// The line's runs of text: glyphs split where the gap is wider than <see cref="CellGap"/> font sizes.
    /// Printed spaces inside a run stay: they are the text's own, never the space between two cells.
    /// </summary>
    private static List<List<Glyph>> Runs(TextLine line)
    {
        var runs = new List<List<Glyph>>();
        foreach (var g in line.Glyphs)
        {
            var blank = string.IsNullOrWhiteSpace(g.Value);
            if (runs.Count == 0 || g.Box.Left - runs[^1][^1].Box.Right > g.FontSize * CellGap)
            {
                if (blank) continue;
                runs.Add([]);
            }
            runs[^1].Add(g);
        }
        foreach (var run in runs)
            while (string.IsNullOrWhiteSpace(run[^1].Value)) run.RemoveAt(run.Count - 1);
        return runs;
    }

    /// <summary>Splits runs at narrow gaps where other runs of the page (in the same font size) start (two cells whose text touches).</summary>
    private static List<List<Glyph>> SplitAtAlignedStarts(List<List<Glyph>> runs, List<(double Left, double FontSize)> starts)
    {
        var split = new List<List<Glyph>>();
        foreach (var run in runs)
        {
            var current = new List<Glyph> { run[0] };
            for (var i = 1; i < run.Count; i++)
            {
                var g = run[i];
                var gap = g.Box.Left - run[i - 1].Box.Right;
                if (gap > g.FontSize * AlignedGap && !string.IsNullOrWhiteSpace(run[i - 1].Value) && starts.Count(s => Math.Abs(s.Left - g.Box.Left) <= 1 && Math.Abs(s.FontSize - g.FontSize) < 0.5) >= MinAlignedStarts)
                {
                    split.Add(current);
                    current = [];
                }
                current.Add(g);
            }
            split.Add(current);
        }
        return split;
    }

    /// <summary>
    /// The distance between the baselines of one cell's lines: the tightest between runs stacked in the same
    /// place across the page (rows are further apart), at most <see cref="MaxPitch"/> font sizes.
    /// </summary>
    private static double Pitch(List<List<Glyph>> runs, double fontSize)
    {
        var pitches = new List<double>();
        foreach (var run in runs)
        {
            var (bottom, left, right) = (run.Max(g => g.Box.Bottom), run.Min(g => g.Box.Left), run.Max(g => g.Box.Right));
            var above = runs.Where(r => Math.Min(r.Max(g => g.Box.Right), right) > Math.Max(r.Min(g => g.Box.Left), left))
                .Select(r => bottom - r.Max(g => g.Box.Bottom)).Where(d => d > fontSize * 0.5).DefaultIfEmpty(double.MaxValue).Min();
            if (above < double.MaxValue) pitches.Add(above);
        }
        return pitches.Append(fontSize * MaxPitch).Min();
    }

    /// <summary>Stacks runs into blocks: a run starts under a block it overlaps across the page, one line pitch below its last line.</summary>
    private static List<TextBlock> Blocks(List<List<Glyph>> runs, double pitch)
    {
        var blocks = new List<TextBlock>();
        foreach (var run in runs.OrderBy(r => r.Max(g => g.Box.Bottom)))
        {
            var bottom = run.Max(g => g.Box.Bottom);
            var left = run.Min(g => g.Box.Left);
            var right = run.Max(g => g.Box.Right);
            var size = run.Max(g => g.FontSize);
            var above = blocks.LastOrDefault(b => Math.Min(b.Right, right) > Math.Max(b.Left, left)
                && bottom - b.Bottom > size * 0.5 && bottom - b.Bottom <= pitch + size * WrapSlack);
            if (above is not null) above.Glyphs.AddRange(run);
            else blocks.Add(new TextBlock([.. run]));
        }
        return blocks;
    }
}
