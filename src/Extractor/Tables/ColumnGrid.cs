namespace Extractor.Tables;

/// <summary>
/// The column boundaries of a borderless table: the x positions that few of its cells cross. Every column's
/// text lies between two boundaries in most rows; a cell spanning columns (a title, a goals paragraph) crosses
/// some, which is why a boundary is where the crossings are fewest, not where there are none.
/// </summary>
public sealed class ColumnGrid
{
    /// <summary>A strip of the page is a gap between columns where at most this share of the most cells that stand over one place cross it.</summary>
    public const double MaxCrossingShare = 0.25;

    /// <summary>A gap narrower than this many font sizes is the space inside a run of text, not between columns.</summary>
    public const double MinGap = 0.15;

    private readonly List<double> _boundaries;

    private ColumnGrid(List<double> boundaries) => _boundaries = boundaries;

    public IReadOnlyList<double> Boundaries => _boundaries;

    public int Count => _boundaries.Count + 1;

    /// <summary>The boundaries of the cells' x-extents (left, right), in a text of font size <paramref name="fontSize"/>.</summary>
    public static ColumnGrid From(IReadOnlyList<(double Left, double Right)> all, double fontSize)
    {
        var cells = all.Where(c => !Spans(c, all, fontSize * MinGap)).ToList();
        var edges = cells.SelectMany(c => new[] { c.Left, c.Right }).Distinct().Order().ToList();
        if (edges.Count < 2) return new ColumnGrid([]);
        var crossings = edges.Zip(edges.Skip(1), (from, to) => cells.Count(c => c.Left < (from + to) / 2 && c.Right > (from + to) / 2)).ToList();
        var most = Math.Max(1, (int)Math.Floor(crossings.Max() * MaxCrossingShare));
        var boundaries = new List<double>();
        var gap = new List<(double From, double To, int Crossing)>();
        var covered = false; // a gap left of all columns is the margin
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            var (from, to) = (edges[i], edges[i + 1]);
            var crossing = crossings[i];
            if (crossing <= most)
            {
                gap.Add((from, to, crossing));
                continue;
            }
            if (gap.Count > 0 && covered && gap[^1].To - gap[0].From >= fontSize * MinGap) boundaries.Add(Fewest(gap));
            gap.Clear();
            covered = true;
        }
        return new ColumnGrid(boundaries);
    }

    /// <summary>True when other cells inside the cell's extent leave a gap between them: the cell spans columns.</summary>
    private static bool Spans((double Left, double Right) cell, IReadOnlyList<(double Left, double Right)> all, double minGap)
    {
        var inside = all.Where(c => c != cell && c.Left >= cell.Left && c.Right <= cell.Right).OrderBy(c => c.Left).ToList();
        var reach = double.MinValue;
        foreach (var c in inside)
        {
            if (reach > double.MinValue && c.Left - reach >= minGap) return true;
            reach = Math.Max(reach, c.Right);
        }
        return false;
    }

    /// <summary>The middle of the widest stretch of the gap that the fewest cells cross.</summary>
    private static double Fewest(List<(double From, double To, int Crossing)> gap)
    {
        var fewest = gap.Min(g => g.Crossing);
        var (from, to, _) = gap.Where(g => g.Crossing == fewest).MaxBy(g => g.To - g.From);
        return (from + to) / 2;
    }

    /// <summary>The column that holds <paramref name="x"/>.</summary>
    public int ColumnAt(double x)
    {
        var column = 0;
        while (column < _boundaries.Count && x > _boundaries[column]) column++;
        return column;
    }
}
