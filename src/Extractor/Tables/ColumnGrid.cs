namespace Extractor.Tables;

/// <summary>
/// The column boundaries of a borderless table: the x positions that few of its cells cross. A cell that
/// holds the space another row leaves between two of its cells spans columns (a title, a goals paragraph)
/// and has no say; every other cell's text lies between two boundaries, and a boundary is where the fewest
/// of them cross (text centred in a narrow column may reach past the neighbours' edges).
/// </summary>
public sealed class ColumnGrid
{
    /// <summary>A strip of the page is a gap between columns where at most this share of the most cells that stand over one place cross it.</summary>
    public const double MaxCrossingShare = 0;

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
        if (edges.Count < 2) return new ColumnGrid([]);
        int Crossing(List<(double Left, double Right)> of, double x) => of.Count(c => c.Left < x && c.Right > x);
        var stretches = edges.Zip(edges.Skip(1), (from, to) => new Stretch(from, to, Crossing(cells, (from + to) / 2), Crossing(all, (from + to) / 2))).ToList();
        var most = (int)Math.Floor(stretches.Max(s => s.Crossing) * MaxCrossingShare);
        var boundaries = new List<double>();
        var gap = new List<Stretch>();
        var covered = false; // a gap left of all columns is the margin
        foreach (var stretch in stretches)
        {
            if (stretch.Crossing <= most)
            {
                gap.Add(stretch);
                continue;
            }
            if (gap.Count > 0 && covered && gap[^1].To - gap[0].From >= fontSize * MinGap) boundaries.Add(Fewest(gap));
            gap.Clear();
            covered = true;
        }
        return new ColumnGrid(boundaries);
    }

    /// <summary>A strip between two neighbouring cell edges and how many cells cross it: those that keep to one column, and all.</summary>
    private sealed record Stretch(double From, double To, int Crossing, int CrossingAll);

    /// <summary>The middle of the widest stretch of the gap that the fewest cells cross, spanning ones breaking ties (a paragraph starts where its first column does).</summary>
    private static double Fewest(List<Stretch> gap)
    {
        var fewest = gap.Min(g => (g.Crossing, g.CrossingAll));
        var best = gap.Where(g => (g.Crossing, g.CrossingAll) == fewest).MaxBy(g => g.To - g.From)!;
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
