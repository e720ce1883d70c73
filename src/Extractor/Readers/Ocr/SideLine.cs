namespace Extractor.Readers.Ocr;

/// <summary>
/// A side of a table frame as a line across its direction: offset = A + B · position (a top side's y by x, a left
/// side's x by y), found among the outermost ink along it as the line most samples lie on (a border, or where a
/// photo's light lost the border, a ruling parallel to it: text and cut ends lie off it), then fitted to those by
/// least squares. <see cref="Support"/> is the share of samples on it.
/// </summary>
internal readonly record struct SideLine(double A, double B, double Support)
{
    /// <summary>A sample this many pixels from a line lies on it.</summary>
    private const double OnLine = 2;

    /// <summary>Lines tried through pairs of samples (drawn with a fixed seed: the same page gives the same frame).</summary>
    private const int Trials = 200;

    public static SideLine Fit(IEnumerable<(int Position, int? Offset)> samples)
    {
        var points = samples.Where(s => s.Offset is not null).Select(s => (X: (double)s.Position, Y: (double)s.Offset!.Value)).ToList();
        if (points.Count < 2) return new SideLine(0, 0, 0);
        var random = new Random(0);
        var best = new List<(double X, double Y)>();
        for (var trial = 0; trial < Trials; trial++)
        {
            var (p, q) = (points[random.Next(points.Count)], points[random.Next(points.Count)]);
            if (Math.Abs(q.X - p.X) < points.Count / 4.0) continue;
            var slope = (q.Y - p.Y) / (q.X - p.X);
            var on = points.Where(r => Math.Abs(r.Y - (p.Y + slope * (r.X - p.X))) <= OnLine).ToList();
            if (on.Count > best.Count) best = on;
        }
        if (best.Count < 2) return new SideLine(0, 0, 0);
        var (a, b) = LeastSquares(best);
        return new SideLine(a, b, (double)best.Count / points.Count);
    }

    public double At(double position) => A + B * position;

    /// <summary>Where a horizontal side (y by x) meets a vertical one (x by y): the corner (x, y).</summary>
    public static (double X, double Y) Meet(SideLine horizontal, SideLine vertical)
    {
        var x = (vertical.A + vertical.B * horizontal.A) / (1 - vertical.B * horizontal.B);
        return (x, horizontal.At(x));
    }

    private static (double A, double B) LeastSquares(List<(double X, double Y)> points)
    {
        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        var b = sxx == 0 ? 0 : points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx;
        return (my - b * mx, b);
    }
}
