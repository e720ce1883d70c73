using Extractor.Grid;
using Extractor.Tables;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace Extractor.Readers.Pdf;

/// <summary>
/// What the grid finders see of a PdfPig page: glyphs and ruling lines in upright page space (origin
/// top-left, text running left to right). A landscape form drawn turned on a portrait page (/Rotate, or
/// content rotated by the exporter) is turned back by the direction most of its text runs in.
/// </summary>
public static class PdfPageLayout
{
    public static PageLayout From(Page page, int number, LatticeOptions options)
    {
        var bounds = ViewedBounds(page);
        var turn = Upright.Of(page.Letters, bounds);
        var glyphs = new List<Glyph>(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            var start = turn.Map(letter.StartBaseLine);
            var end = turn.Map(letter.EndBaseLine);
            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, letter.BoundingBox.Width);
            var box = new Box(Math.Min(start.X, end.X), start.Y - size * 0.8, Math.Max(start.X, end.X), start.Y + size * 0.2);
            glyphs.Add(new Glyph(letter.Value, box, size));
        }
        var rulings = new List<Ruling>();
        foreach (var path in page.Paths)
            if (!path.IsClipping && (path.IsFilled || path.IsStroked))
                foreach (var subpath in path)
                    AddRulings(path, subpath, turn, options, rulings);
        return new PageLayout(number, turn.Width, turn.Height, glyphs, rulings);
    }

    /// <summary>
    /// The crop box as the page is viewed: PdfPig hands out a page turned by /Rotate 90 or 270 already turned
    /// (its letters, paths and images), so its width and height are the crop box's swapped.
    /// </summary>
    public static PdfRectangle ViewedBounds(Page page)
    {
        var bounds = page.CropBox.Bounds;
        return page.Rotation.Value % 180 == 0
            ? bounds
            : new PdfRectangle(bounds.Left, bounds.Bottom, bounds.Left + bounds.Height, bounds.Bottom + bounds.Width);
    }

    /// <summary>A thin filled box is a line; a stroked path gives its straight axis-parallel pieces (rectangle edges included).</summary>
    private static void AddRulings(PdfPath path, PdfSubpath subpath, Upright turn, LatticeOptions options, List<Ruling> rulings)
    {
        var points = new List<(double X, double Y)>();
        var segments = new List<((double X, double Y) A, (double X, double Y) B)>();
        (double X, double Y)? first = null, last = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    first = last = turn.Map(move.Location);
                    points.Add(last.Value);
                    break;
                case PdfSubpath.Line line:
                    var a = turn.Map(line.From);
                    var b = turn.Map(line.To);
                    segments.Add((a, b));
                    points.Add(a);
                    points.Add(b);
                    first ??= a;
                    last = b;
                    break;
                case PdfSubpath.Close when first is { } f && last is { } l:
                    segments.Add((l, f));
                    last = f;
                    break;
                case PdfSubpath.CubicBezierCurve or PdfSubpath.QuadraticBezierCurve:
                    return; // curves are no ruling lines (rounded boxes, glyph outlines)
            }
        }
        if (points.Count == 0) return;

        var left = points.Min(p => p.X);
        var right = points.Max(p => p.X);
        var top = points.Min(p => p.Y);
        var bottom = points.Max(p => p.Y);
        if (path.IsFilled && Math.Min(right - left, bottom - top) <= options.MaxLineThickness)
        {
            rulings.Add(right - left >= bottom - top
                ? new Ruling(true, (top + bottom) / 2, left, right)
                : new Ruling(false, (left + right) / 2, top, bottom));
            return;
        }
        if (!path.IsStroked) return;
        foreach (var (a, b) in segments)
        {
            if (Math.Abs(a.Y - b.Y) < 0.5) rulings.Add(new Ruling(true, a.Y, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
            else if (Math.Abs(a.X - b.X) < 0.5) rulings.Add(new Ruling(false, a.X, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
        }
    }

    /// <summary>Maps PDF user space (origin bottom-left) to upright page space (origin top-left) for one of four text directions.</summary>
    private sealed class Upright(PdfRectangle bounds, int quarterTurns)
    {
        public double Width => quarterTurns % 2 == 0 ? bounds.Width : bounds.Height;
        public double Height => quarterTurns % 2 == 0 ? bounds.Height : bounds.Width;

        /// <summary>The turn under which most of the page's text runs left to right.</summary>
        public static Upright Of(IReadOnlyList<Letter> letters, PdfRectangle bounds)
        {
            var votes = new int[4];
            foreach (var l in letters)
            {
                var dx = l.EndBaseLine.X - l.StartBaseLine.X;
                var dy = l.EndBaseLine.Y - l.StartBaseLine.Y;
                if (Math.Abs(dx) < 1e-6 && Math.Abs(dy) < 1e-6) continue;
                votes[Math.Abs(dx) >= Math.Abs(dy) ? (dx > 0 ? 0 : 2) : (dy > 0 ? 1 : 3)]++;
            }
            return new Upright(bounds, Array.IndexOf(votes, votes.Max()));
        }

        public (double X, double Y) Map(PdfPoint p)
        {
            var x = p.X - bounds.Left;
            var y = p.Y - bounds.Bottom;
            return quarterTurns switch
            {
                1 => (y, x),                                  // text runs up the page
                2 => (bounds.Width - x, y),                   // upside down
                3 => (bounds.Height - y, bounds.Width - x),   // text runs down the page
                _ => (x, bounds.Height - y),
            };
        }
    }
}
