namespace Extractor.Tables;

/// <summary>
/// The column boundaries of a borderless table. A cell that holds the space another row leaves between two
/// of its cells spans columns (a title, a goals paragraph) and has no say; a boundary lies in each gap that
/// no other cell crosses, where the fewest spanning cells cross it (a paragraph starts where its first
/// column does).
/// </summary>
public sealed class ColumnGrid
{
    /// <summary>A gap narrower than this many font sizes is the space inside a run of text, not between columns.</summary>
    public const double MinGap = 0.05;

    private readonly List<double> _boundaries;

    private ColumnGrid(List<double> boundaries) => _boundaries = boundaries;

    public IReadOnlyList<double> Boundaries => _boundaries;

    public int Count => _boundaries.Count + 1;

    /// <summary>The boundaries of the rows' cells, each row its cells' x-extents (left, right) left to right, in a text of font size <paramref name="fontSize"/>.</summary>
    public static ColumnGrid From(IReadOnlyList<IReadOnlyList<(double Left, double Right)>> rows, double fontSize)
    {
        var gaps = rows.SelectMany(r => r.Zip(r.Skip(1), (a, b) => (Left: a.Right, Right: b.Left))).Where(g => g.Right - g.Left >= fontSize * MinGap).ToList();
        var all = rows.SelectMany(r => r).ToList();
        var cells = all.Where(c => !gaps.Any(g => g.Left >= c.Left && g.Right <= c.Right)).ToList();
        var edges = all.SelectMany(c => new[] { c.Left, c.Right }).Distinct().Order().ToList();
        int Crossing(List<(double Left, double Right)> of, double x) => of.Count(c => c.Left < x && c.Right > x);
        var boundaries = new List<double>();
        var gap = new List<Stretch>();
        var covered = false; // a gap left of all columns is the margin
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            var (from, to) = (edges[i], edges[i + 1]);
            if (Crossing(cells, (from + to) / 2) == 0)
            {
                gap.Add(new Stretch(from, to, Crossing(all, (from + to) / 2)));
                continue;
            }
            if (gap.Count > 0 && covered && gap[^1].To - gap[0].From >= fontSize * MinGap) boundaries.Add(Fewest(gap));
            gap.Clear();
            covered = true;
        }
        return new ColumnGrid(boundaries);
    }

    /// <summary>A strip between two neighbouring cell edges that no single-column cell crosses, and how many spanning cells do.</summary>
    private sealed record Stretch(double From, double To, int Spanning);

    /// <summary>The middle of the widest stretch of the gap that the fewest spanning cells cross.</summary>
    private static double Fewest(List<Stretch> gap)
    {
        var fewest = gap.Min(g => g.Spanning);
        var best = gap.Where(g => g.Spanning == fewest).MaxBy(g => g.To - g.From)!;
        return (best.From + best.To) / 2;
    }

    /// <summary>The column that holds <paramref name="x"/>.</summary>
    public int ColumnAt(double x)
    {
        var column = 0;
        while (column < _boundaries.Count && x > _boundaries[column]) column++;
        return column;
    }
}
