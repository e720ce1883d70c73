using Extractor.Grid;

namespace Extractor.Tables;

/// <summary>
/// Tables from ruling lines. Collinear pieces are merged into lines, lines that meet form a table, every
/// distinct line position is a row or column boundary, and where a separator between two neighbouring
/// boundaries is missing the cells merge into one cell with a row or column span. Each glyph goes to the
/// cell that contains its centre.
/// </summary>
public sealed class LatticeGridFinder(LatticeOptions? options = null) : IGridFinder
{
    private readonly LatticeOptions _o = options ?? new LatticeOptions();

    public IReadOnlyList<FoundTable> Find(PageLayout page) => Find(page.Rulings, page.Glyphs);

    /// <summary>
    /// Tables from ruling lines alone, as a scan reader hands over the lines it found in the image: the cells come
    /// without text (each is read from its own image).
    /// </summary>
    public IReadOnlyList<FoundTable> Find(IReadOnlyList<Ruling> rulings) => Find(rulings, []);

    private List<FoundTable> Find(IReadOnlyList<Ruling> rulings, IReadOnlyList<Glyph> glyphs)
    {
        var lines = Merge(rulings.Where(r => r.Length >= _o.MinLineLength).ToList());
        var tables = new List<FoundTable>();
        foreach (var component in Components(lines))
        {
            var table = Table(component, glyphs);
            if (table is not null) tables.Add(table);
        }
        return tables.OrderBy(t => t.Box.Top).ToList();
    }

    /// <summary>Collinear pieces (same direction, positions within the snap tolerance, gaps within the join tolerance) become one line.</summary>
    private List<Ruling> Merge(List<Ruling> rulings)
    {
        var merged = new List<Ruling>();
        foreach (var direction in rulings.GroupBy(r => r.Horizontal))
        {
            foreach (var row in Cluster(direction.OrderBy(r => r.Position).ToList(), r => r.Position))
            {
                var position = row.Average(r => r.Position);
                Ruling? current = null;
                foreach (var r in row.OrderBy(r => r.Start))
                {
                    if (current is not null && r.Start <= current.End + _o.JoinTolerance)
                        current = current with { End = Math.Max(current.End, r.End) };
                    else
                    {
                        if (current is not null) merged.Add(current);
                        current = new Ruling(direction.Key, position, r.Start, r.End);
                    }
                }
                if (current is not null) merged.Add(current);
            }
        }
        return merged;
    }

    /// <summary>Groups sorted items whose key is within the snap tolerance of the previous one.</summary>
    private List<List<T>> Cluster<T>(IReadOnlyList<T> sorted, Func<T, double> key)
    {
        var groups = new List<List<T>>();
        foreach (var item in sorted)
        {
            if (groups.Count > 0 && key(item) - key(groups[^1][^1]) <= _o.SnapTolerance) groups[^1].Add(item);
            else groups.Add([item]);
        }
        return groups;
    }

    /// <summary>Sets of lines connected by crossings: each is a candidate table.</summary>
    private List<List<Ruling>> Components(List<Ruling> lines)
    {
        var parent = Enumerable.Range(0, lines.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < lines.Count; i++)
            for (var j = 0; j < lines.Count; j++)
                if (lines[i].Horizontal && !lines[j].Horizontal && Meet(lines[i], lines[j]))
                    parent[Root(i)] = Root(j);
        var components = Enumerable.Range(0, lines.Count).GroupBy(Root).Select(g => g.Select(i => lines[i]).ToList()).ToList();
        return JoinUncrossedEdges(components);
    }

    /// <summary>
    /// A page break can cut a merged label column (绩效指标 beside the indicator rows) so that no row rule crosses
    /// it on this page: its outer edge, a lone vertical line running the table's full height, still belongs to the table.
    /// </summary>
    private List<List<Ruling>> JoinUncrossedEdges(List<List<Ruling>> components)
    {
        var tables = components.Where(c => c.Any(l => l.Horizontal)).ToList();
        var kept = new List<List<Ruling>>(tables);
        foreach (var lone in components.Where(c => c.All(l => !l.Horizontal)))
        {
            var table = lone.Count == 1 ? tables.FirstOrDefault(t => SpansHeight(lone[0], t)) : null;
            if (table is null) kept.Add(lone);
            else table.Add(lone[0]);
        }
        return kept;
    }

    private bool SpansHeight(Ruling vertical, List<Ruling> table)
    {
        var sides = table.Where(l => !l.Horizontal).ToList();
        return sides.Count > 0
            && Math.Abs(vertical.Start - sides.Min(l => l.Start)) <= _o.JoinTolerance
            && Math.Abs(vertical.End - sides.Max(l => l.End)) <= _o.JoinTolerance;
    }

    private bool Meet(Ruling horizontal, Ruling vertical) =>
        vertical.Position >= horizontal.Start - _o.JoinTolerance && vertical.Position <= horizontal.End + _o.JoinTolerance
        && horizontal.Position >= vertical.Start - _o.JoinTolerance && horizontal.Position <= vertical.End + _o.JoinTolerance;

    private FoundTable? Table(List<Ruling> lines, IReadOnlyList<Glyph> glyphs)
    {
        var horizontals = lines.Where(l => l.Horizontal).ToList();
        var verticals = lines.Where(l => !l.Horizontal).ToList();
        var ys = OpenEnds(Boundaries(horizontals), verticals);
        var xs = OpenEnds(Boundaries(verticals), horizontals);
        if (ys.Count < 2 || xs.Count < 2) return null;

        var rows = ys.Count - 1;
        var columns = xs.Count - 1;
        var taken = new bool[rows, columns];
        var cells = new List<(int Row, int Column, int RowSpan, int ColumnSpan, Box Box)>();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                if (taken[r, c]) continue;
                var c2 = c;
                while (c2 + 1 < columns && !taken[r, c2 + 1] && !Covered(verticals, xs[c2 + 1], ys[r], ys[r + 1])) c2++;
                var r2 = r;
                while (r2 + 1 < rows && Enumerable.Range(c, c2 - c + 1).All(cc => !taken[r2 + 1, cc] && !Covered(horizontals, ys[r2 + 1], xs[cc], xs[cc + 1]))) r2++;
                for (var rr = r; rr <= r2; rr++)
                    for (var cc = c; cc <= c2; cc++)
                        taken[rr, cc] = true;
                cells.Add((r, c, r2 - r + 1, c2 - c + 1, new Box(xs[c], ys[r], xs[c2 + 1], ys[r2 + 1])));
            }

        var box = new Box(xs[0], ys[0], xs[^1], ys[^1]);
        var byCell = glyphs.Where(g => Contains(box, g)).GroupBy(g => cells.FindIndex(c => Contains(c.Box, g)))
            .Where(g => g.Key >= 0).ToDictionary(g => g.Key, g => (IReadOnlyList<Glyph>)g.ToList());
        var outside = glyphs.Where(g => !Contains(box, g)).ToList();
        var found = new List<TableCell>();
        for (var i = 0; i < cells.Count; i++)
        {
            var (row, column, rowSpan, columnSpan, cellBox) = cells[i];
            var openTop = row == 0 && !Covered(horizontals, ys[0], xs[column], xs[column + columnSpan]);
            var openBottom = row + rowSpan == rows && !Covered(horizontals, ys[^1], xs[column], xs[column + columnSpan]);
            var overflow = openTop || openBottom ? Overflow(cellBox, outside, openTop ? box.Top : null, openBottom ? box.Bottom : null) : [];
            var mine = byCell.GetValueOrDefault(i, []).Concat(overflow).ToList();
            var text = TextLines.CellText(mine, cellBox.Right);
            found.Add(new TableCell(new Cell(row, column, text) { RowSpan = rowSpan, ColumnSpan = columnSpan, Box = cellBox }, mine)
            {
                OpenTop = openTop,
                OpenBottom = openBottom,
                Overflow = overflow,
            });
        }
        var tableOpenTop = !Covered(horizontals, ys[0], xs[0], xs[^1]);
        var tableOpenBottom = !Covered(horizontals, ys[^1], xs[0], xs[^1]);
        return new FoundTable(box, found, tableOpenTop, tableOpenBottom) { Columns = xs };
    }

    /// <summary>Distinct positions of the lines, near-misses snapped together.</summary>
    private List<double> Boundaries(List<Ruling> lines) =>
        Cluster(lines.Select(l => l.Position).Order().ToList(), p => p).Select(g => g.Average()).ToList();

    /// <summary>
    /// Adds a boundary where the crossing lines run on past the last (or before the first) line: a table cut
    /// by a page break has no closing line, and the rows it cut would otherwise be lost.
    /// </summary>
    private List<double> OpenEnds(List<double> boundaries, List<Ruling> crossing)
    {
        if (boundaries.Count == 0 || crossing.Count == 0) return boundaries;
        var start = crossing.Min(l => l.Start);
        var end = crossing.Max(l => l.End);
        if (start < boundaries[0] - _o.JoinTolerance) boundaries.Insert(0, start);
        if (end > boundaries[^1] + _o.JoinTolerance) boundaries.Add(end);
        return boundaries;
    }

    /// <summary>True when lines at <paramref name="position"/> cover enough of the edge from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private bool Covered(List<Ruling> lines, double position, double from, double to)
    {
        var covered = lines.Where(l => Math.Abs(l.Position - position) <= _o.SnapTolerance)
            .Sum(l => Math.Max(0, Math.Min(l.End, to) - Math.Max(l.Start, from)));
        return covered >= (to - from) * _o.MinEdgeCoverage;
    }

    /// <summary>
    /// The glyphs outside the table that run on from a cell open at the table's <paramref name="top"/> or
    /// <paramref name="bottom"/>: over the cell's column, each reaching the edge or a glyph already taken to within
    /// <see cref="OverflowGap"/> font sizes (the lines of a merged label the break cut, not a page's foot).
    /// </summary>
    private static List<Glyph> Overflow(Box cell, List<Glyph> outside, double? top, double? bottom)
    {
        var column = outside.Where(g => g.CenterX >= cell.Left && g.CenterX <= cell.Right).ToList();
        var taken = new List<Glyph>();
        if (bottom is { } b)
        {
            var reach = b;
            foreach (var g in column.Where(g => g.CenterY > b).OrderBy(g => g.Box.Top))
            {
                if (g.Box.Top > reach + OverflowGap * g.FontSize) break;
                taken.Add(g);
                reach = Math.Max(reach, g.Box.Bottom);
            }
        }
        if (top is { } t)
        {
            var reach = t;
            foreach (var g in column.Where(g => g.CenterY < t).OrderByDescending(g => g.Box.Bottom))
            {
                if (g.Box.Bottom < reach - OverflowGap * g.FontSize) break;
                taken.Add(g);
                reach = Math.Min(reach, g.Box.Top);
            }
        }
        return taken;
    }

    /// <summary>Most space between an open edge and the overflow it holds, or between its lines, in font sizes. 0.5.</summary>
    public const double OverflowGap = 0.5;

    private static bool Contains(Box box, Glyph g) =>
        g.CenterX >= box.Left && g.CenterX <= box.Right && g.CenterY >= box.Top && g.CenterY <= box.Bottom;
}
