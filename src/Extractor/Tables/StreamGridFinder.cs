using Extractor.Grid;

namespace Extractor.Tables;

/// <summary>
/// Tables from text alignment, for forms printed without borders. Lines break into runs of text at wide
/// gaps, and at narrow ones where other lines start a run at the same place (two cells whose text touches);
/// runs stacked at the text's own line spacing are one cell's wrapped lines (a block); blocks whose vertical
/// centre falls within a row's extent belong to that row, which is how vertically centred cells beside a
/// wrapped one line up; a row of labels only (a merged label printed between the rows it spans) joins the
/// row below. A row's cells are its blocks left to right, as a tab-separated export gives them: the mapper
/// aligns shifted rows by the type of their values.
/// </summary>
public sealed class StreamGridFinder : IGridFinder
{
    /// <summary>A gap wider than this many font sizes always separates two cells.</summary>
    public const double CellGap = 0.6;

    /// <summary>A narrower gap separates two cells where at least <see cref="MinAlignedStarts"/> other runs start at the same place.</summary>
    public const double AlignedGap = 0.1;

    public const int MinAlignedStarts = 2;

    /// <summary>The widest space between two lines of one cell, in font sizes: a form without wrapped cells has only row spacing.</summary>
    public const double MaxLeading = 0.45;

    /// <summary>Extra space (font sizes) over the text's tightest line spacing still read as the same cell's next line.</summary>
    public const double WrapSlack = 0.08;

    public IReadOnlyList<FoundTable> Find(PageLayout page)
    {
        var lines = TextLines.Of(page.Glyphs);
        var runs = lines.Select(Runs).ToList();
        var first = runs.FindIndex(r => r.Count >= 2);
        var last = runs.FindLastIndex(r => r.Count >= 2);
        if (first < 0 || last == first) return [];
        while (last + 1 < lines.Count && lines[last + 1].Top - lines[last].Bottom < lines[last].FontSize * MaxLeading) last++; // the last row's wrapped cells

        var starts = runs.SelectMany(r => r).Select(r => r[0].Box.Left).ToList();
        var region = Enumerable.Range(first, last - first + 1).Select(i => SplitAtAlignedStarts(runs[i], starts)).ToList();
        var leading = Enumerable.Range(first, last - first).Select(i => lines[i + 1].Top - lines[i].Bottom).Where(g => g > 0)
            .Append(lines[first].FontSize * MaxLeading).Min();
        var blocks = Blocks(region.SelectMany(r => r).ToList(), leading);
        var rows = Rows(blocks);

        var cells = new List<TableCell>();
        for (var r = 0; r < rows.Count; r++)
        {
            var ordered = rows[r].OrderBy(b => b.Left).ToList();
            for (var c = 0; c < ordered.Count; c++)
                cells.Add(new TableCell(new Cell(r, c, TextLines.CellText(ordered[c].Glyphs, ordered[c].Right)) { Box = ordered[c].Box }, ordered[c].Glyphs));
        }
        var all = blocks.SelectMany(b => b.Glyphs).ToList();
        return [new FoundTable(new Box(all.Min(g => g.Box.Left), all.Min(g => g.Box.Top), all.Max(g => g.Box.Right), all.Max(g => g.Box.Bottom)), cells)];
    }

    /// <summary>One cell's text: runs stacked one under the other.</summary>
    private sealed class Block(List<Glyph> glyphs)
    {
        public List<Glyph> Glyphs { get; } = glyphs;
        public double Left => Glyphs.Min(g => g.Box.Left);
        public double Right => Glyphs.Max(g => g.Box.Right);
        public double Top => Glyphs.Min(g => g.Box.Top);
        public double Bottom => Glyphs.Max(g => g.Box.Bottom);
        public double Center => (Top + Bottom) / 2;
        public Box Box => new(Left, Top, Right, Bottom);
        public bool IsLabel => !Glyphs.Any(g => char.IsAsciiDigit(g.Value[0]));
    }

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

    /// <summary>Splits runs at narrow gaps where other runs of the page start (two cells whose text touches).</summary>
    private static List<List<Glyph>> SplitAtAlignedStarts(List<List<Glyph>> runs, List<double> starts)
    {
        var split = new List<List<Glyph>>();
        foreach (var run in runs)
        {
            var current = new List<Glyph> { run[0] };
            for (var i = 1; i < run.Count; i++)
            {
                var g = run[i];
                var gap = g.Box.Left - run[i - 1].Box.Right;
                if (gap > g.FontSize * AlignedGap && starts.Count(s => Math.Abs(s - g.Box.Left) <= 1) >= MinAlignedStarts)
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

    /// <summary>Stacks runs into blocks: a run starts under a block it overlaps across the page, at the text's own line spacing.</summary>
    private static List<Block> Blocks(List<List<Glyph>> runs, double leading)
    {
        var blocks = new List<Block>();
        foreach (var run in runs.OrderBy(r => r.Min(g => g.Box.Top)))
        {
            var top = run.Min(g => g.Box.Top);
            var left = run.Min(g => g.Box.Left);
            var right = run.Max(g => g.Box.Right);
            var size = run.Max(g => g.FontSize);
            var above = blocks.LastOrDefault(b => Math.Min(b.Right, right) > Math.Max(b.Left, left)
                && top - b.Bottom >= -size * 0.3 && top - b.Bottom <= leading + size * WrapSlack);
            if (above is not null) above.Glyphs.AddRange(run);
            else blocks.Add(new Block([.. run]));
        }
        return blocks;
    }

    /// <summary>Blocks into rows by their vertical centres; a row of labels only joins the row below it.</summary>
    private static List<List<Block>> Rows(List<Block> blocks)
    {
        var rows = new List<List<Block>>();
        foreach (var block in blocks.OrderBy(b => b.Top))
        {
            var row = rows.LastOrDefault(r => block.Center >= r.Min(b => b.Top) && block.Center <= r.Max(b => b.Bottom));
            if (row is not null) row.Add(block);
            else rows.Add([block]);
        }
        for (var i = rows.Count - 2; i >= 0; i--)
            if (rows[i].All(b => b.IsLabel) && rows[i].Count == 1 && rows[i + 1].Any(b => !b.IsLabel))
            {
                rows[i + 1].AddRange(rows[i]);
                rows.RemoveAt(i);
            }
        return rows;
    }
}
