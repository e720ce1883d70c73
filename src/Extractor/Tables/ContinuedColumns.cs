using Extractor.Grid;

namespace Extractor.Tables;

/// <summary>
/// A table continued at the top of the next page is the same table: its columns are the previous page's. A
/// page holding only rows that merge cells (the 总分 row, whose label spans the level columns) rules fewer
/// columns and a finder counts them from 0, so its 分值 would not sit under the header's 分值. Each cell of the
/// continuation is given the previous table's columns its edges fall on, when every edge falls on one.
/// </summary>
public static class ContinuedColumns
{
    /// <summary>How far, in points, two column edges may lie apart and still be the same ruling line.</summary>
    public const double EdgeTolerance = 2.0;

    /// <summary><paramref name="next"/> in <paramref name="previous"/>'s columns; null when its edges are not all the previous table's.</summary>
    public static FoundTable? Align(FoundTable previous, FoundTable next)
    {
        if (Math.Abs(previous.Box.Left - next.Box.Left) > EdgeTolerance || Math.Abs(previous.Box.Right - next.Box.Right) > EdgeTolerance) return null;
        if (Edges(previous) is not { } edges) return null;
        var cells = new List<TableCell>(next.Cells.Count);
        foreach (var cell in next.Cells)
        {
            if (cell.Cell.Box is not { } box) return null;
            var first = EdgeAt(edges, box.Left);
            var end = EdgeAt(edges, box.Right);
            if (first < 0 || end <= first) return null;
            cells.Add(cell with { Cell = cell.Cell with { Column = first, ColumnSpan = end - first } });
        }
        return Cell.AnyOverlap(cells.Select(c => c.Cell)) ? null : next with { Cells = cells };
    }

    /// <summary>The x of each column's left edge and of the last column's right edge, from the cells' boxes; null when one is unknown.</summary>
    private static double[]? Edges(FoundTable table)
    {
        var count = table.Cells.Count == 0 ? 0 : table.Cells.Max(c => c.Cell.Column + c.Cell.ColumnSpan);
        var edges = new double?[count + 1];
        foreach (var c in table.Cells)
        {
            if (c.Cell.Box is not { } box) return null;
            edges[c.Cell.Column] ??= box.Left;
            edges[c.Cell.Column + c.Cell.ColumnSpan] ??= box.Right;
        }
        return edges.All(e => e is not null) ? edges.Select(e => e!.Value).ToArray() : null;
    }

    private static int EdgeAt(double[] edges, double x)
    {
        for (var i = 0; i < edges.Length; i++)
            if (Math.Abs(edges[i] - x) <= EdgeTolerance) return i;
        return -1;
    }
}
