namespace Extractor.Readers.Ocr;

/// <summary>A cell of a ruled table: elementary row/column, spans, and the rectangle inside its lines.</summary>
internal sealed record RuledCell(int Row, int Column, int RowSpan, int ColumnSpan, PixelRect Box, PixelRect Inside);

/// <summary>A table found from its ruling lines: its column edges (x) and its cells.</summary>
internal sealed record RuledTable(PixelRect Bounds, IReadOnlyList<int> ColumnEdges, int RowCount, IReadOnlyList<RuledCell> Cells)
{
    public int ColumnCount => ColumnEdges.Count - 1;
}

/// <summary>
/// Finds ruled tables in a binary page: horizontal lines as long runs (unbroken pieces longer than a
/// character stroke, small breaks closed; deskewing left at most a pixel of drift), vertical lines as columns that fill the band between two horizontal lines,
/// cells as the elementary rectangles merged wherever the line between them is missing. The lines are
/// then erased from the page, so that cell reading sees only text.
/// </summary>
internal static class RulingTables
{
    private sealed record Segment(int Y0, int Y1, int X0, int X1);

    private sealed record HLine(int Y, int Thickness, List<Segment> Segments)
    {
        public int X0 => Segments.Min(s => s.X0);
        public int X1 => Segments.Max(s => s.X1);
        public int Top => Segments.Min(s => s.Y0);
        public int Bottom => Segments.Max(s => s.Y1) + 1;
    }

    private sealed record Crossing(int X, int Thickness);

    public static IReadOnlyList<RuledTable> Find(InkMask ink, int dpi, Action<PixelRect> erase)
    {
        var u = dpi / 300.0;
        var lines = HorizontalLines(ink, u);
        var tables = new List<RuledTable>();
        var start = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i + 1 < lines.Count && Crossings(ink, lines[i], lines[i + 1], Math.Min(lines[i].X0, lines[i + 1].X0), Math.Max(lines[i].X1, lines[i + 1].X1), u).Count >= 2)
                continue;
            if (i > start) tables.Add(Build(ink, lines.GetRange(start, i - start + 1), u, erase));
            start = i + 1;
        }
        return tables;
    }

    private static List<HLine> HorizontalLines(InkMask ink, double u)
    {
        var minLength = (int)(150 * u);
        var piece = (int)(60 * u);
        var gap = Math.Max(2, (int)(8 * u));
        var maxThickness = (int)(14 * u) + 3;
        var open = new List<(int Y0, int Y1, int X0, int X1)>();
        var segments = new List<Segment>();
        for (var y = 0; y < ink.Height; y++)
        {
            var runs = Runs(ink, y, piece, gap, minLength);
            var next = new List<(int Y0, int Y1, int X0, int X1)>();
            foreach (var (x0, x1) in runs)
            {
                var k = open.FindIndex(s => s.Y1 == y - 1 && Math.Min(s.X1, x1) - Math.Max(s.X0, x0) > 0.5 * Math.Min(s.X1 - s.X0, x1 - x0));
                if (k >= 0)
                {
                    var s = open[k];
                    open.RemoveAt(k);
                    next.Add((s.Y0, y, Math.Min(s.X0, x0), Math.Max(s.X1, x1)));
                }
                else next.Add((y, y, x0, x1));
            }
            foreach (var s in open)
                if (s.Y1 - s.Y0 + 1 <= maxThickness) segments.Add(new Segment(s.Y0, s.Y1, s.X0, s.X1));
            open = next;
        }
        foreach (var s in open)
            if (s.Y1 - s.Y0 + 1 <= maxThickness) segments.Add(new Segment(s.Y0, s.Y1, s.X0, s.X1));

        // Segments at the same height (a line broken by a crossing gap, or ruled over only some columns) are one line.
        var tolerance = Math.Max(3, (int)(6 * u));
        var lines = new List<HLine>();
        foreach (var s in segments.OrderBy(s => (s.Y0 + s.Y1) / 2))
        {
            var y = (s.Y0 + s.Y1) / 2;
            if (lines.Count > 0 && Math.Abs(lines[^1].Y - y) <= tolerance)
                lines[^1].Segments.Add(s);
            else
                lines.Add(new HLine(y, 0, [s]));
        }
        return lines.Select(l => l with { Y = (l.Top + l.Bottom) / 2, Thickness = l.Bottom - l.Top }).ToList();
    }

    /// <summary>
    /// Line pieces of row y: unbroken runs longer than any character stroke, joined across small breaks
    /// (noise, a faint scan) into runs of at least <paramref name="minLength"/> that are mostly ink.
    /// </summary>
    private static List<(int X0, int X1)> Runs(InkMask ink, int y, int piece, int gap, int minLength)
    {
        var pieces = new List<(int X0, int X1)>();
        var x = 0;
        while (x < ink.Width)
        {
            if (!ink[x, y]) { x++; continue; }
            var start = x;
            while (x < ink.Width && ink[x, y]) x++;
            if (x - start >= piece) pieces.Add((start, x));
        }
        var runs = new List<(int, int)>();
        for (var i = 0; i < pieces.Count;)
        {
            var (x0, x1) = pieces[i];
            var inked = x1 - x0;
            var j = i + 1;
            while (j < pieces.Count && pieces[j].X0 - x1 <= gap)
            {
                inked += pieces[j].X1 - pieces[j].X0;
                x1 = pieces[j].X1;
                j++;
            }
            if (x1 - x0 >= minLength && inked >= 0.8 * (x1 - x0)) runs.Add((x0, x1));
            i = j;
        }
        return runs;
    }

    /// <summary>Vertical lines crossing the band between two horizontal lines: columns whose ink fills nearly all of it.</summary>
    private static List<Crossing> Crossings(InkMask ink, HLine above, HLine below, int left, int right, double u)
    {
        var x0 = left - (int)(4 * u);
        var x1 = right + (int)(4 * u);
        var top = above.Bottom + 1;
        var bottom = below.Top - 1;
        if (x1 - x0 < 150 * u || bottom - top < 8 * u) return [];
        var band = new PixelRect(x0, top, x1, bottom);
        band = ink.Clip(band);
        var need = (int)(0.85 * band.Height);
        var covered = new bool[band.Width];
        for (var x = band.Left; x < band.Right; x++)
        {
            var n = 0;
            for (var y = band.Top; y < band.Bottom; y++)
                if (ink[x, y] || x > 0 && ink[x - 1, y] || x + 1 < ink.Width && ink[x + 1, y]) n++;
            covered[x - band.Left] = n >= need;
        }
        var maxThickness = (int)(14 * u) + 4;
        return InkMask.Bands(covered, 0).Where(b => b.End - b.Start <= maxThickness)
            .Select(b => new Crossing(band.Left + (b.Start + b.End - 1) / 2, Math.Max(1, b.End - b.Start - 2))).ToList();
    }

    /// <summary>
    /// A table's cells. Vertical lines are looked for across the whole table in every band: a band's own
    /// lines may be ruled over a few columns only (rows inside a merged block).
    /// </summary>
    private static RuledTable Build(InkMask ink, List<HLine> lines, double u, Action<PixelRect> erase)
    {
        int left = lines.Min(l => l.X0), right = lines.Max(l => l.X1);
        var bands = Enumerable.Range(0, lines.Count - 1).Select(i => Crossings(ink, lines[i], lines[i + 1], left, right, u)).ToList();
        var tolerance = Math.Max(4, (int)(8 * u));
        var edges = new List<(int X, int Thickness)>();
        foreach (var c in bands.SelectMany(b => b).OrderBy(c => c.X))
        {
            if (edges.Count > 0 && c.X - edges[^1].X <= tolerance) continue;
            edges.Add((c.X, c.Thickness));
        }
        int rows = bands.Count, cols = edges.Count - 1;
        var parent = Enumerable.Range(0, rows * cols).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Union(int a, int b) => parent[Find(a)] = Find(b);

        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                if (c + 1 < cols && !bands[r].Any(x => Math.Abs(x.X - edges[c + 1].X) <= tolerance))
                    Union(r * cols + c, r * cols + c + 1);
                if (r + 1 < rows && !Ruled(ink, lines[r + 1], edges[c].X, edges[c + 1].X))
                    Union(r * cols + c, (r + 1) * cols + c);
            }

        var cells = new List<RuledCell>();
        foreach (var group in Enumerable.Range(0, rows * cols).GroupBy(Find))
        {
            int r0 = group.Min(i => i / cols), r1 = group.Max(i => i / cols), c0 = group.Min(i => i % cols), c1 = group.Max(i => i % cols);
            var box = new PixelRect(edges[c0].X, lines[r0].Y, edges[c1 + 1].X, lines[r1 + 1].Y);
            var inside = new PixelRect(
                edges[c0].X + edges[c0].Thickness / 2 + 1, lines[r0].Bottom,
                edges[c1 + 1].X - edges[c1 + 1].Thickness / 2 - 1, lines[r1 + 1].Top);
            cells.Add(new RuledCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, box, inside));
        }

        // Erase the rulings (a pixel beyond their measured thickness, for anti-aliasing) so cells hold only text.
        foreach (var line in lines)
            foreach (var s in line.Segments)
                erase(new PixelRect(s.X0, s.Y0 - 1, s.X1, s.Y1 + 2));
        for (var r = 0; r < rows; r++)
            foreach (var x in bands[r])
                erase(new PixelRect(x.X - x.Thickness / 2 - 2, lines[r].Top, x.X + x.Thickness / 2 + 3, lines[r + 1].Bottom));

        var bounds = new PixelRect(edges[0].X, lines[0].Top, edges[^1].X, lines[^1].Bottom);
        return new RuledTable(bounds, edges.Select(e => e.X).ToList(), rows, cells.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList());
    }

    /// <summary>True where the horizontal line is drawn along most of the span between two column edges.</summary>
    private static bool Ruled(InkMask ink, HLine line, int x0, int x1)
    {
        var covered = line.Segments.Sum(s => Math.Max(0, Math.Min(s.X1, x1) - Math.Max(s.X0, x0)));
        return covered >= 0.5 * (x1 - x0);
    }
}
