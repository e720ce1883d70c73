namespace Extractor.Tables;

/// <summary>
/// The rows of a borderless table. A cell's text sits at the top of its row or in its middle, so a block
/// belongs to the row it overlaps for at least half of its own height or of the row's, where no block of the
/// row stands above or below it (two cells of one column are two rows); of two rows it overlaps as much, the
/// one that starts where it starts (a cell printed at the top of its row). The row grows to cover it, unless
/// it is a label taller than the row: a merged label reaching into the rows it spans. Cells with figures are
/// placed first, then labels shortest first: a merged label never holds figures, and the one-line cells set
/// the rows. A row of labels only that overlaps a neighbour (merged labels centred between the rows they
/// span) joins it, the row above first, where none of its columns is taken.
/// </summary>
internal static class RowBands
{
    /// <summary>A block joins a row that holds at least this share of its height, or whose height it covers to this share.</summary>
    public const double MinOverlap = 0.5;

    /// <summary>A paragraph starts at most a blank line (one line pitch, and this many font sizes) below the one it follows.</summary>
    public const double BlankLineSlack = 0.25;

    /// <summary>The rows of the blocks, whose wrapped lines are <paramref name="pitch"/> apart.</summary>
    public static List<List<TextBlock>> Of(IEnumerable<TextBlock> blocks, double pitch)
    {
        var rows = new List<List<TextBlock>>();
        var extent = new Dictionary<List<TextBlock>, (double Top, double Bottom)>(ReferenceEqualityComparer.Instance);
        double Overlap(List<TextBlock> row, TextBlock block) => Math.Min(extent[row].Bottom, block.Bottom) - Math.Max(extent[row].Top, block.Top);
        foreach (var block in blocks.OrderBy(b => b.IsLabel).ThenBy(b => b.IsLabel ? b.Height : 0).ThenBy(b => b.Top))
        {
            var row = rows.Select(r => (Row: r, Overlap: Overlap(r, block))).Where(r => r.Overlap >= Math.Min(block.Height, extent[r.Row].Bottom - extent[r.Row].Top) * MinOverlap && Free(r.Row, [block]))
                .OrderByDescending(r => Math.Round(r.Overlap, 1)).ThenBy(r => Math.Abs(extent[r.Row].Top - block.Top)).Select(r => r.Row).FirstOrDefault();
            if (row is null)
            {
                rows.Add([block]);
                extent[rows[^1]] = (block.Top, block.Bottom);
                continue;
            }
            row.Add(block);
            var (top, bottom) = extent[row];
            if (!block.IsLabel || block.Height <= bottom - top) extent[row] = (Math.Min(top, block.Top), Math.Max(bottom, block.Bottom));
        }
        rows = rows.OrderBy(r => extent[r].Top + extent[r].Bottom).ToList(); // by middle: a merged label may reach above its row
        for (var i = 0; i < rows.Count && rows.Count > 1; i++)
        {
            if (!rows[i].All(b => b.IsLabel)) continue;
            var below = i + 1 < rows.Count && Touches(rows[i], rows[i + 1]) ? rows[i + 1] : null;
            var above = i > 0 && Touches(rows[i - 1], rows[i]) ? rows[i - 1] : null;
            var into = above is not null && Free(above, rows[i]) ? above
                : below is not null && Free(below, rows[i]) ? below
                : null;
            if (into is null) continue;
            into.AddRange(rows[i]);
            rows.RemoveAt(i--);
        }
        JoinParagraphs(rows, pitch);
        MoveLabelsMergedOverTwoRows(rows);
        return rows;
    }

    /// <summary>A label is centred on its row, or on two rows, where its middle is within this many font sizes of theirs.</summary>
    public const double CentreTolerance = 0.25;

    /// <summary>
    /// A label merged over two rows is centred on both, so it falls in the taller one, which may be the second;
    /// an export prints it on the first. A label not centred on its row's figures but on the row and the one
    /// above moves up where its columns are free there (a cell of that column above is another row's).
    /// </summary>
    private static void MoveLabelsMergedOverTwoRows(List<List<TextBlock>> rows)
    {
        for (var r = 1; r < rows.Count; r++)
        {
            if (Frame(rows[r - 1]) is not { } above || Frame(rows[r]) is not { } own) continue;
            foreach (var label in own.Floating)
            {
                var tolerance = label.FontSize * CentreTolerance;
                if (Math.Abs((above.Top + own.Bottom) / 2 - Middle(label)) > tolerance || !Free(rows[r - 1], [label])) continue;
                rows[r].Remove(label);
                rows[r - 1].Add(label);
            }
        }
    }

    private static double Middle(TextBlock b) => (b.Top + b.Bottom) / 2;

    /// <summary>
    /// A row's top and bottom from its figures, the labels centred with them and the cells printed at its top,
    /// and its labels not centred with its figures (floating: merged over other rows, or printed at the top);
    /// null for a row without figures.
    /// </summary>
    private static (double Top, double Bottom, List<TextBlock> Floating)? Frame(List<TextBlock> row)
    {
        var figures = row.Where(b => !b.IsLabel).ToList();
        if (figures.Count == 0) return null;
        var centre = figures.Average(Middle);
        var centred = row.Where(b => !b.IsLabel || Math.Abs(Middle(b) - centre) <= b.FontSize * CentreTolerance).ToList();
        var top = centred.Min(b => b.Top);
        var atTop = row.Where(b => !centred.Contains(b) && b.Top <= top + b.FontSize * CentreTolerance).ToList();
        top = centred.Concat(atTop).Min(b => b.Top);
        var bottom = centred.Concat(atTop).Max(b => b.Bottom);
        return (top, bottom, row.Where(b => !centred.Contains(b)).ToList());
    }

    /// <summary>
    /// A row of texts each starting where a text of the row above starts, at most a blank line below it that
    /// ends a sentence, is their next paragraphs (a cell of several paragraphs): each joins the text it continues.
    /// </summary>
    private static void JoinParagraphs(List<List<TextBlock>> rows, double pitch)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            var above = rows[i - 1];
            TextBlock? Continued(TextBlock b) => above.FirstOrDefault(a => Math.Abs(a.Left - b.Left) <= 1 && b.Top > a.Bottom && b.Top - a.Bottom <= pitch + b.FontSize * BlankLineSlack && a.EndsSentence);
            if (!rows[i].All(b => b.IsLabel && Continued(b) is not null)) continue;
            foreach (var b in rows[i]) Continued(b)!.Glyphs.AddRange(b.Glyphs);
            rows.RemoveAt(i--);
        }
    }

    private static double Top(List<TextBlock> row) => row.Min(b => b.Top);

    private static double Bottom(List<TextBlock> row) => row.Max(b => b.Bottom);

    /// <summary>The lower row starts above where the upper one ends.</summary>
    private static bool Touches(List<TextBlock> upper, List<TextBlock> lower) => Top(lower) <= Bottom(upper);

    /// <summary>No block of <paramref name="row"/> stands above or below one of <paramref name="labels"/>.</summary>
    private static bool Free(List<TextBlock> row, List<TextBlock> labels) =>
        !row.Any(b => labels.Any(l => Math.Min(b.Right, l.Right) > Math.Max(b.Left, l.Left)));
}
