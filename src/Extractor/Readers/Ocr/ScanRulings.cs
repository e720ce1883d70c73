using Extractor.Tables;

namespace Extractor.Readers.Ocr;

/// <summary>A cell of a ruled table on the prepared page, in pixels: its place in the grid, its box between the rulings' centres, and the rectangle inside their ink.</summary>
internal sealed record RuledCell(int Row, int Column, int RowSpan, int ColumnSpan, PixelRect Box, PixelRect Inside);

/// <summary>A ruled table on the prepared page, in pixels: its bounds (to the outer rulings' ink), its column edges (x) and its cells.</summary>
internal sealed record RuledTable(PixelRect Bounds, IReadOnlyList<int> ColumnEdges, int RowCount, IReadOnlyList<RuledCell> Cells)
{
    public int ColumnCount => ColumnEdges.Count - 1;
}

/// <summary>
/// The ruling lines of a binary page, found in its ink and handed to <see cref="LatticeGridFinder"/> as the PDF reader
/// hands over a page's drawn lines (pixels to points by the page's dpi), so that one algorithm makes rows, columns and
/// spans for both. Horizontal lines are long runs (unbroken pieces longer than a character stroke, small breaks closed;
/// deskewing leaves at most a pixel of drift); vertical lines are columns whose ink fills the band between two horizontal
/// lines and joins both, looked for across the whole stack of lines they cross (a band's own lines may be ruled over a few columns
/// only, rows inside a merged block), and not a character's stroke (one with ink beside it, unless a clear crossing
/// stands at its place in another band); a horizontal line no vertical one crosses is no table's. Tolerances are
/// <see cref="ScanRulingOptions"/>. The lines are then erased from the page, so that cell reading sees only text.
/// </summary>
internal sealed class ScanRulings
{
    /// <summary>Deskewing leaves a vertical line up to this many pixels of drift over a band: the columns beside it count too.</summary>
    private const int Drift = 1;

    /// <summary>Anti-aliasing greys a pixel around a line's measured ink: erased with the line, kept out of a cell's inside.</summary>
    private const int Fringe = 1;

    /// <summary>Ink this many pixels past a covered run (which holds the drift) lies beside a crossing, not in its fringe.</summary>
    private const int Beside = 2;

    /// <summary>A run continues the piece of line in the row above where they overlap by this share of the shorter.</summary>
    private const double Continues = 0.5;

    private sealed record Segment(int Y0, int Y1, int X0, int X1);

    private sealed record HLine(int Y, List<Segment> Segments)
    {
        public int X0 => Segments.Min(s => s.X0);
        public int X1 => Segments.Max(s => s.X1);
        public int Top => Segments.Min(s => s.Y0);
        public int Bottom => Segments.Max(s => s.Y1) + 1;
    }

    /// <summary>
    /// A vertical line: its centre and the thickness of its ink, the ends handed over as a ruling (the centres of the
    /// horizontal lines it runs between, or the end of its ink where a page break cut the table open), and the rows its
    /// ink fills (erased with it).
    /// </summary>
    private sealed record VLine(int X, int Thickness, int Y0, int Y1, int InkTop, int InkBottom, bool Attached = false);

    /// <summary>The options in pixels at the page's resolution.</summary>
    private sealed record Tolerances(
        int MinLength, int Piece, int Break, int MaxThickness, int Snap, int Margin, int MinBand, int OpenRow, double InkShare, double Fill,
        double SideInk, double BothSidesInk, int Clearance)
    {
        public static Tolerances Of(ScanRulingOptions o, int dpi) => new(
            ScanRulingOptions.Pixels(o.MinLineLength, dpi), ScanRulingOptions.Pixels(o.MinPieceLength, dpi), ScanRulingOptions.Pixels(o.MaxBreak, dpi),
            ScanRulingOptions.Pixels(o.MaxLineThickness, dpi), ScanRulingOptions.Pixels(o.LineSnap, dpi), ScanRulingOptions.Pixels(o.CrossingMargin, dpi),
            ScanRulingOptions.Pixels(o.MinBandHeight, dpi), ScanRulingOptions.Pixels(o.MinOpenRowHeight, dpi), o.MinInkShare, o.MinCrossingFill,
            o.MaxCrossingSideInk, o.MaxCrossingBothSidesInk, ScanRulingOptions.Pixels(o.CrossingClearance, dpi));
    }

    private readonly List<HLine> _horizontal;
    private readonly List<VLine> _vertical;
    private readonly double _pointsPerPixel;

    private ScanRulings(List<HLine> horizontal, List<VLine> vertical, int dpi)
    {
        _horizontal = horizontal;
        _vertical = vertical;
        _pointsPerPixel = 72.0 / dpi;
    }

    public static ScanRulings Find(InkMask ink, int dpi, ScanRulingOptions options)
    {
        var t = Tolerances.Of(options, dpi);
        var lines = HorizontalLines(ink, t);
        var horizontal = new List<HLine>();
        var vertical = new List<VLine>();
        var start = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            // Lines one above the other with vertical lines between them are one stack: a table, or tables ruled together.
            if (i + 1 < lines.Count && Crossings(ink, lines[i], lines[i + 1], Math.Min(lines[i].X0, lines[i + 1].X0), Math.Max(lines[i].X1, lines[i + 1].X1), t).Count >= 2)
                continue;
            if (i > start)
            {
                var stack = lines.GetRange(start, i - start + 1);
                int left = stack.Min(l => l.X0), right = stack.Max(l => l.X1);
                horizontal.AddRange(stack);
                var crossings = new List<VLine>();
                for (var r = 0; r + 1 < stack.Count; r++)
                    crossings.AddRange(Crossings(ink, stack[r], stack[r + 1], left, right, t));
                vertical.AddRange(WithoutStrokes(crossings));
                vertical.AddRange(OpenEnd(ink, stack[0], up: true, left, right, t));
                vertical.AddRange(OpenEnd(ink, stack[^1], up: false, left, right, t));
            }
            start = i + 1;
        }
        return new ScanRulings(horizontal, vertical, dpi);
    }

    /// <summary>The lines as the lattice finder takes them: points, origin top-left, each line at its centre.</summary>
    public IReadOnlyList<Ruling> Rulings =>
        _horizontal.SelectMany(l => l.Segments.Select(s => new Ruling(true, l.Y * _pointsPerPixel, s.X0 * _pointsPerPixel, s.X1 * _pointsPerPixel)))
            .Concat(_vertical.Select(v => new Ruling(false, v.X * _pointsPerPixel, v.Y0 * _pointsPerPixel, v.Y1 * _pointsPerPixel)))
            .ToList();

    /// <summary>The ink of every line, in pixels: what a drawing of the page shows as its rulings.</summary>
    public IEnumerable<PixelRect> Ink =>
        _horizontal.SelectMany(l => l.Segments.Select(s => new PixelRect(s.X0, s.Y0, s.X1, s.Y1 + 1)))
            .Concat(_vertical.Select(v => new PixelRect(v.X - v.Thickness / 2, v.Y0, v.X + v.Thickness / 2 + 1, v.Y1)));

    /// <summary>The tables the lattice finder makes of the lines, back in pixels, each cell with the rectangle inside its lines' ink.</summary>
    public IReadOnlyList<RuledTable> Tables(LatticeGridFinder lattice) =>
        _vertical.Count == 0 ? [] : lattice.Find(Rulings).Select(Table).ToList();

    private RuledTable Table(FoundTable found)
    {
        var cells = found.Cells.Select(c =>
        {
            var box = new PixelRect(Pixel(c.Cell.Box!.Value.Left), Pixel(c.Cell.Box.Value.Top), Pixel(c.Cell.Box.Value.Right), Pixel(c.Cell.Box.Value.Bottom));
            var inside = new PixelRect(
                box.Left + EdgeAt(box.Left).Thickness / 2 + Fringe, LineAt(box.Top).Bottom,
                box.Right - EdgeAt(box.Right).Thickness / 2 - Fringe, LineAt(box.Bottom).Top);
            return new RuledCell(c.Cell.Row, c.Cell.Column, c.Cell.RowSpan, c.Cell.ColumnSpan, box, inside);
        }).ToList();
        var columns = found.Columns.Select(Pixel).ToList();
        var bounds = new PixelRect(columns[0], LineAt(Pixel(found.Box.Top)).Top, columns[^1], LineAt(Pixel(found.Box.Bottom)).Bottom);
        return new RuledTable(bounds, columns, found.RowCount, cells);
    }

    private int Pixel(double points) => (int)Math.Round(points / _pointsPerPixel);

    /// <summary>
    /// The rows of ink of the horizontal line a boundary of the lattice was made from (the nearest: the lattice averages
    /// near-misses); at an open boundary, where no line is, the boundary itself.
    /// </summary>
    private (int Top, int Bottom) LineAt(int y)
    {
        var line = _horizontal.MinBy(l => Math.Abs(l.Y - y))!;
        return Math.Abs(line.Y - y) <= line.Bottom - line.Top + Drift ? (line.Top, line.Bottom) : (y, y);
    }

    private VLine EdgeAt(int x) => _vertical.MinBy(v => Math.Abs(v.X - x))!;

    /// <summary>Clears every line, a pixel beyond its ink, and the drift of vertical lines too.</summary>
    public void Erase(Action<PixelRect> erase)
    {
        foreach (var line in _horizontal)
            foreach (var s in line.Segments)
                erase(new PixelRect(s.X0, s.Y0 - Fringe, s.X1, s.Y1 + 1 + Fringe));
        foreach (var v in _vertical)
            erase(new PixelRect(v.X - v.Thickness / 2 - Drift - Fringe, v.InkTop, v.X + v.Thickness / 2 + 1 + Drift + Fringe, v.InkBottom));
    }

    private static List<HLine> HorizontalLines(InkMask ink, Tolerances t)
    {
        var open = new List<(int Y0, int Y1, int X0, int X1)>();
        var segments = new List<Segment>();
        for (var y = 0; y < ink.Height; y++)
        {
            var runs = Runs(ink, y, t);
            var next = new List<(int Y0, int Y1, int X0, int X1)>();
            foreach (var (x0, x1) in runs)
            {
                var k = open.FindIndex(s => s.Y1 == y - 1 && Math.Min(s.X1, x1) - Math.Max(s.X0, x0) > Continues * Math.Min(s.X1 - s.X0, x1 - x0));
                if (k >= 0)
                {
                    var s = open[k];
                    open.RemoveAt(k);
                    next.Add((s.Y0, y, Math.Min(s.X0, x0), Math.Max(s.X1, x1)));
                }
                else next.Add((y, y, x0, x1));
            }
            foreach (var s in open)
                if (s.Y1 - s.Y0 + 1 <= t.MaxThickness) segments.Add(new Segment(s.Y0, s.Y1, s.X0, s.X1));
            open = next;
        }
        foreach (var s in open)
            if (s.Y1 - s.Y0 + 1 <= t.MaxThickness) segments.Add(new Segment(s.Y0, s.Y1, s.X0, s.X1));

        // Segments at the same height (a line broken by a crossing gap, or ruled over only some columns) are one line.
        var lines = new List<HLine>();
        foreach (var s in segments.OrderBy(s => (s.Y0 + s.Y1) / 2))
        {
            var y = (s.Y0 + s.Y1) / 2;
            if (lines.Count > 0 && Math.Abs(lines[^1].Y - y) <= t.Snap)
                lines[^1].Segments.Add(s);
            else
                lines.Add(new HLine(y, [s]));
        }
        return lines.Select(l => l with { Y = (l.Top + l.Bottom) / 2 }).ToList();
    }

    /// <summary>
    /// Line pieces of row y: unbroken runs longer than any character stroke, joined across small breaks
    /// (noise, a faint scan) into runs of at least the minimum line length that are mostly ink.
    /// </summary>
    private static List<(int X0, int X1)> Runs(InkMask ink, int y, Tolerances t)
    {
        var pieces = new List<(int X0, int X1)>();
        var x = 0;
        while (x < ink.Width)
        {
            if (!ink[x, y]) { x++; continue; }
            var start = x;
            while (x < ink.Width && ink[x, y]) x++;
            if (x - start >= t.Piece) pieces.Add((start, x));
        }
        var runs = new List<(int, int)>();
        for (var i = 0; i < pieces.Count;)
        {
            var (x0, x1) = pieces[i];
            var inked = x1 - x0;
            var j = i + 1;
            while (j < pieces.Count && pieces[j].X0 - x1 <= t.Break)
            {
                inked += pieces[j].X1 - pieces[j].X0;
                x1 = pieces[j].X1;
                j++;
            }
            if (x1 - x0 >= t.MinLength && inked >= t.InkShare * (x1 - x0)) runs.Add((x0, x1));
            i = j;
        }
        return runs;
    }

    /// <summary>Vertical lines crossing the band between two horizontal lines: columns whose ink fills nearly all of it.</summary>
    private static List<VLine> Crossings(InkMask ink, HLine above, HLine below, int left, int right, Tolerances t)
    {
        var x0 = left - t.Margin;
        var x1 = right + t.Margin;
        var top = above.Bottom + 1;
        var bottom = below.Top - 1;
        if (x1 - x0 < t.MinLength || bottom - top < t.MinBand) return [];
        var band = ink.Clip(new PixelRect(x0, top, x1, bottom));
        var need = (int)(t.Fill * band.Height);
        var covered = new bool[band.Width];
        for (var x = band.Left; x < band.Right; x++)
        {
            var n = 0;
            for (var y = band.Top; y < band.Bottom; y++)
                if (Inked(ink, x, y)) n++;
            // A ruling joins the lines it runs between; a character's stroke, however tall in a tight row, stops short.
            covered[x - band.Left] = n >= need && Inked(ink, x, above.Bottom) && Inked(ink, x, below.Top - 1);
        }
        // The band of covered columns is the line's ink plus the drift counted on either side.
        return InkMask.Bands(covered, 0)
            .Where(b => b.End - b.Start <= t.MaxThickness + Drift)
            .Select(b => new VLine(band.Left + (b.Start + b.End - 1) / 2, Math.Max(1, b.End - b.Start - 2 * Drift), above.Y, below.Y, above.Top, below.Bottom,
                Attached(ink, band, band.Left + b.Start, band.Left + b.End, t))).ToList();
    }

    /// <summary>
    /// The crossings without a character's strokes (dense bold print whose strokes join two tight lines): a crossing
    /// with ink beside it is one, unless a crossing clear of ink stands at its place in another band (a column edge
    /// that cells' text crowds in some rows).
    /// </summary>
    private static IEnumerable<VLine> WithoutStrokes(List<VLine> crossings)
    {
        var clear = crossings.Where(v => !v.Attached).Select(v => v.X).ToList();
        return crossings.Where(v => !v.Attached || clear.Any(x => Math.Abs(x - v.X) <= 2 * Drift));
    }

    /// <summary>
    /// Whether ink lies beside a covered run (<see cref="Beside"/>) in more of the band's rows than a ruling
    /// allows, or near it (within the clearance) on both sides: a character's stroke carries its other strokes and
    /// has its neighbours close by, a ruling stands clear of the cells' text but where one cell crowds it.
    /// </summary>
    private static bool Attached(InkMask ink, PixelRect band, int x0, int x1, Tolerances t)
    {
        int left = 0, right = 0, nearLeft = 0, nearRight = 0;
        for (var y = band.Top; y < band.Bottom; y++)
        {
            if (InkIn(ink, y, x0 - Beside, x0 - Beside)) left++;
            if (InkIn(ink, y, x1 - 1 + Beside, x1 - 1 + Beside)) right++;
            if (InkIn(ink, y, x0 - Beside - t.Clearance + 1, x0 - Beside)) nearLeft++;
            if (InkIn(ink, y, x1 - 1 + Beside, x1 - 1 + Beside + t.Clearance - 1)) nearRight++;
        }
        return Math.Max(left, right) > t.SideInk * band.Height || Math.Min(nearLeft, nearRight) > t.BothSidesInk * band.Height;
    }

    /// <summary>Ink in row y between x0 and x1, both included.</summary>
    private static bool InkIn(InkMask ink, int y, int x0, int x1)
    {
        for (var x = Math.Max(0, x0); x <= Math.Min(ink.Width - 1, x1); x++)
            if (ink[x, y]) return true;
        return false;
    }

    /// <summary>
    /// Vertical lines running on past a stack's first (or last) horizontal line with no line to close them: the row a
    /// page break cut open, which Chromium prints on the next page without its top border. A line's ink must start at
    /// the horizontal one (text near a table does not touch it) and run at least an open row's height; two or more make
    /// the open row, which the lattice finder adds where the lines end (as for a PDF's table cut by a page break).
    /// </summary>
    private static List<VLine> OpenEnd(InkMask ink, HLine line, bool up, int left, int right, Tolerances t)
    {
        var x0 = Math.Max(0, left - t.Margin);
        var x1 = Math.Min(ink.Width, right + t.Margin);
        if (x1 - x0 < t.MinLength) return [];
        var start = up ? line.Top - 1 : line.Bottom;
        var step = up ? -1 : 1;
        var reach = new int[x1 - x0];
        for (var x = x0; x < x1; x++)
        {
            // Rows of ink from the line on, breaks up to the break tolerance bridged.
            int length = 0, blank = 0;
            for (var y = start; y >= 0 && y < ink.Height && blank <= t.Break; y += step)
            {
                if (Inked(ink, x, y)) { length += blank + 1; blank = 0; }
                else if (length == 0 && blank >= Drift + Fringe) break;
                else blank++;
            }
            reach[x - x0] = length;
        }
        var lines = InkMask.Bands(reach.Select(r => r >= t.OpenRow).ToArray(), 0).Where(b => b.End - b.Start <= t.MaxThickness + Drift)
            .Select(b =>
            {
                var length = reach[(b.Start + b.End - 1) / 2];
                var x = x0 + (b.Start + b.End - 1) / 2;
                var thickness = Math.Max(1, b.End - b.Start - 2 * Drift);
                return up
                    ? new VLine(x, thickness, line.Y - length, line.Y, line.Y - length, line.Bottom)
                    : new VLine(x, thickness, line.Y, line.Y + length, line.Top, line.Y + length);
            }).ToList();
        return lines.Count >= 2 ? lines : [];
    }

    /// <summary>Ink at x, or within the drift beside it.</summary>
    private static bool Inked(InkMask ink, int x, int y)
    {
        for (var dx = -Drift; dx <= Drift; dx++)
            if (x + dx >= 0 && x + dx < ink.Width && ink[x + dx, y]) return true;
        return false;
    }
}
