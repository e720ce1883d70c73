namespace Extractor.Readers.Ocr;

/// <summary>
/// The plane projective map taking four points to four others (a photo's tilted page to the upright rectangle, or
/// back): x' = (a·x + b·y + c) / (g·x + h·y + 1), y' = (d·x + e·y + f) / (g·x + h·y + 1).
/// </summary>
internal sealed class Homography
{
    private readonly double[] coefficients;

    private Homography(double[] coefficients) => this.coefficients = coefficients;

    /// <summary>The map taking each of <paramref name="from"/> to the point of <paramref name="to"/> at its index (four each, no three in line).</summary>
    public static Homography Through(IReadOnlyList<(double X, double Y)> from, IReadOnlyList<(double X, double Y)> to)
    {
        if (from.Count != 4 || to.Count != 4) throw new ArgumentException("a homography is fixed by four points and their images");
        var system = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            var ((x, y), (u, v)) = (from[i], to[i]);
            double[] rowU = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] rowV = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (var j = 0; j < 9; j++) (system[2 * i, j], system[2 * i + 1, j]) = (rowU[j], rowV[j]);
        }
        return new Homography(Solve(system));
    }

    public (double X, double Y) Map((double X, double Y) p)
    {
        var c = coefficients;
        var w = c[6] * p.X + c[7] * p.Y + 1;
        return ((c[0] * p.X + c[1] * p.Y + c[2]) / w, (c[3] * p.X + c[4] * p.Y + c[5]) / w);
    }

    /// <summary>Gauss–Jordan elimination with partial pivoting of an n×(n+1) augmented system.</summary>
    private static double[] Solve(double[,] a)
    {
        var n = a.GetLength(0);
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            if (Math.Abs(a[pivot, col]) < 1e-12) throw new ArgumentException("the points are degenerate (three in a line)");
            for (var j = 0; j <= n; j++) (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            for (var r = 0; r < n; r++)
            {
                if (r == col) continue;
                var factor = a[r, col] / a[col, col];
                for (var j = col; j <= n; j++) a[r, j] -= factor * a[col, j];
            }
        }
        return Enumerable.Range(0, n).Select(r => a[r, n] / a[r, r]).ToArray();
    }
}
