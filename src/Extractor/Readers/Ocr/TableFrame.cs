using Extractor.Readers.Ocr.Native;

namespace Extractor.Readers.Ocr;

/// <summary>
/// The outer frame of a page's table as the image shows it: the four corners of its largest ruled part (the grid
/// lines of a table are one connected part of the ink). A phone photo's perspective makes it a quadrilateral; the
/// page is straightened by mapping its corners onto the rectangle between them, so rows and columns run straight.
/// </summary>
internal sealed record TableFrame((double X, double Y) TopLeft, (double X, double Y) TopRight, (double X, double Y) BottomRight, (double X, double Y) BottomLeft)
{
    /// <summary>A frame is at least this share of the page's width wide (a table, not a seal or a word)…</summary>
    private const double MinWidthShare = 0.4;

    /// <summary>…and this share of its height tall.</summary>
    private const double MinHeightShare = 0.05;

    /// <summary>
    /// The ink is thickened by this many pixels square before its parts are found: light falling off across a photo
    /// breaks thin rulings, which would split the frame into parts.
    /// </summary>
    private const int FrameBridge = 7;

    /// <summary>
    /// The frame of the binary page, or null when no part is a table's size. A part touching the image's edge is the
    /// dark desk around a photographed page, not the table.
    /// </summary>
    public static TableFrame? Find(Pix binary)
    {
        int width = binary.Width, height = binary.Height;
        bool TableSized(PixelRect box) =>
            box.Width >= MinWidthShare * width && box.Height >= MinHeightShare * height
            && box.Left > 0 && box.Top > 0 && box.Right < width && box.Bottom < height;
        using var bridged = Leptonica.pixDilateBrick(IntPtr.Zero, binary, FrameBridge, FrameBridge).OrThrow("bridge the frame's breaks");
        var parts = Leptonica.ConnectedParts(bridged, TableSized);
        try
        {
            var frame = parts.Where(p => p.Ink is not null).OrderByDescending(p => (long)p.Box.Width * p.Box.Height).FirstOrDefault();
            return frame.Ink is null ? null : Corners(InkMask.From(binary), frame.Box);
        }
        finally
        {
            foreach (var part in parts) part.Ink?.Dispose();
        }
    }

    /// <summary>
    /// Clears the dark desk around a photographed page from the binary page: every part whose ink runs along at least
    /// <see cref="DeskEdgeShare"/> of one of the image's edges. Left in, its edges would be taken for the table's
    /// rulings. A table cropped tight touches the edge only where its rulings end, and stays.
    /// </summary>
    public static void ClearDesk(Pix binary)
    {
        int width = binary.Width, height = binary.Height;
        bool TouchesEdge(PixelRect box) => box.Left <= 0 || box.Top <= 0 || box.Right >= width || box.Bottom >= height;
        foreach (var (box, ink) in Leptonica.ConnectedParts(binary, TouchesEdge))
        {
            if (ink is null) continue;
            using (ink)
                if (RunsAlongEdge(InkMask.From(ink), box, width, height)) Leptonica.Clear(binary, box, ink);
        }
    }

    /// <summary>A desk's ink covers at least this share of one edge of the image.</summary>
    private const double DeskEdgeShare = 0.5;

    private static bool RunsAlongEdge(InkMask part, PixelRect box, int width, int height)
    {
        int w = part.Width, h = part.Height;
        var along = new List<double>();
        if (box.Top <= 0) along.Add((double)part.Count(new PixelRect(0, 0, w, 1)) / width);
        if (box.Bottom >= height) along.Add((double)part.Count(new PixelRect(0, h - 1, w, h)) / width);
        if (box.Left <= 0) along.Add((double)part.Count(new PixelRect(0, 0, 1, h)) / height);
        if (box.Right >= width) along.Add((double)part.Count(new PixelRect(w - 1, 0, w, h)) / height);
        return along.Count > 0 && along.Max() >= DeskEdgeShare;
    }

    /// <summary>A side is found when at least this share of the outermost ink along it lies on one line; else no frame is.</summary>
    private const double MinSupport = 0.1;

    /// <summary>Each side is fitted over the middle of the frame: this share of its length at either end is left out (corners, cut ends).</summary>
    private const double SideMargin = 0.1;

    /// <summary>
    /// The corners where the four sides meet, each side a line fitted to the outermost ink along it within the
    /// frame's box (the first inked pixel of each column from the top, and so on: pieces of a broken border count). Where a page break left a side open, that ink is
    /// the first row's rule, parallel to it, so the perspective still comes out.
    /// </summary>
    private static TableFrame? Corners(InkMask ink, PixelRect box)
    {
        int w = box.Width, h = box.Height;
        bool Inked(int x, int y) => ink[box.Left + x, box.Top + y];
        var columns = Enumerable.Range((int)(SideMargin * w), (int)((1 - 2 * SideMargin) * w));
        var rows = Enumerable.Range((int)(SideMargin * h), (int)((1 - 2 * SideMargin) * h));
        int? First(int count, Func<int, bool> inked) { for (var i = 0; i < count; i++) if (inked(i)) return i; return null; }
        var top = SideLine.Fit(columns.Select(x => (x, First(h, y => Inked(x, y)))));
        var bottom = SideLine.Fit(columns.Select(x => (x, First(h, y => Inked(x, h - 1 - y)) is { } d ? h - 1 - d : (int?)null)));
        var left = SideLine.Fit(rows.Select(y => (y, First(w, x => Inked(x, y)))));
        var right = SideLine.Fit(rows.Select(y => (y, First(w, x => Inked(w - 1 - x, y)) is { } d ? w - 1 - d : (int?)null)));
        if (new[] { top, bottom, left, right }.Any(side => side.Support < MinSupport)) return null;
        (double, double) Page((double X, double Y) p) => (box.Left + p.X, box.Top + p.Y);
        return new TableFrame(Page(SideLine.Meet(top, left)), Page(SideLine.Meet(top, right)),
            Page(SideLine.Meet(bottom, right)), Page(SideLine.Meet(bottom, left)));
    }

    /// <summary>The corners in order: top left, top right, bottom right, bottom left.</summary>
    public IReadOnlyList<(double X, double Y)> Points => [TopLeft, TopRight, BottomRight, BottomLeft];

    /// <summary>The upright rectangle the frame is straightened to: its edges where the frame's edges are on average.</summary>
    public IReadOnlyList<(double X, double Y)> Rectangle
    {
        get
        {
            var left = (TopLeft.X + BottomLeft.X) / 2;
            var right = (TopRight.X + BottomRight.X) / 2;
            var top = (TopLeft.Y + TopRight.Y) / 2;
            var bottom = (BottomLeft.Y + BottomRight.Y) / 2;
            return [(left, top), (right, top), (right, bottom), (left, bottom)];
        }
    }

    /// <summary>How far the frame's furthest corner is from the rectangle's, in pixels.</summary>
    public double Distortion => Points.Zip(Rectangle, (p, r) => Math.Max(Math.Abs(p.X - r.X), Math.Abs(p.Y - r.Y))).Max();
}
