using Extractor.Grid;

namespace Extractor.Tables;

/// <summary>
/// A scanned table continued on the next page keeps the previous page's columns. Each scanned page's grid numbers
/// its own columns, and a page whose tables rule more column edges (a funds table above the indicators) numbers the
/// same indicator column otherwise than a page of indicators alone, so 分值 on the continuation would not sit under
/// the header's 分值. Where a page's column edges fall on the previous page's, at the same place across the table's
/// width (a photo's pages are each straightened to their own scale), its cells are given the previous page's
/// columns. Only the page's first table continues the previous page's last (a page may hold the next form's
/// tables too, each numbering its own columns), and only where no form's title is printed above it (a page starting
/// with a title is that form's, however alike its columns: its 分值 | 得分 had been joined as a stray edge). The PDF
/// reader does the same over its tables (<see cref="ContinuedColumns"/>).
/// </summary>
public static class ContinuedPageColumns
{
    /// <summary>Of a page's inner column edges with cells on them, at most this share may be none of the previous page's. Default 0.2.</summary>
    public const double MaxUnmatchedShare = 0.2;

    /// <summary>
    /// The pages, each scanned continuation page in its previous scanned page's columns (<paramref name="tolerance"/>:
    /// a share of the table's width; <paramref name="startsForm"/> tells a line above a page's first table that
    /// titles a form, whose page is no continuation).
    /// </summary>
    public static IReadOnlyList<GridPage> Align(IReadOnlyList<GridPage> pages, double tolerance, Func<string?, bool>? startsForm = null)
    {
        var aligned = new List<GridPage>(pages.Count);
        foreach (var page in pages)
        {
            var continued = aligned.Count > 0 && IsScan(aligned[^1]) && IsScan(page) ? Align(aligned[^1], page, tolerance, startsForm) : null;
            aligned.Add(continued ?? page);
        }
        return aligned;
    }

    /// <summary>
    /// <paramref name="next"/> in <paramref name="previous"/>'s columns; null unless its outer edges and all but
    /// <see cref="MaxUnmatchedShare"/> of its inner ones fall on the previous page's. An edge that does not (a column
    /// split by a stray mark) is no column: the cells it parts go together into the previous page's column. Null too
    /// where a line above its first table titles a form (<paramref name="startsForm"/>).
    /// </summary>
    public static GridPage? Align(GridPage previous, GridPage next, double tolerance, Func<string?, bool>? startsForm = null)
    {
        if (TitledAbove(next, startsForm)) return null;
        var last = previous.TableRows.Count > 0 ? previous.TableRows[^1].First : 0;
        var end = next.TableRows.Count > 1 ? next.TableRows[0].End : next.RowCount;
        var tail = previous.Cells.Where(c => c.Row >= last).ToList();
        var head = next.Cells.Where(c => c.Row < end).ToList();
        if (Columns(head) >= Columns(tail) || Edges(tail) is not { } before || Edges(head) is not { } after) return null;
        var matched = new int?[after.Length];
        var from = 0;
        for (var i = 0; i < after.Length; i++)
        {
            if (after[i] is not { } x) continue; // no cell starts or ends on it: its number is never asked for
            var at = from;
            while (at < before.Length && (before[at] is not { } b || b < x - tolerance)) at++;
            if (at < before.Length && Math.Abs(before[at]!.Value - x) <= tolerance) matched[i] = from = at + 1;
        }
        var defined = after.Count(e => e is not null);
        var unmatched = Enumerable.Range(0, after.Length).Count(i => after[i] is not null && matched[i] is null);
        if (matched[0] != 1 || matched[^1] != before.Length || unmatched > MaxUnmatchedShare * defined) return null;

        int Start(int edge) { while (matched[edge] is null) edge--; return matched[edge]!.Value - 1; }
        int End(int edge) { while (matched[edge] is null) edge++; return matched[edge]!.Value - 1; }
        var cells = head
            .Select(c => c with { Column = Start(c.Column), ColumnSpan = End(c.Column + c.ColumnSpan) - Start(c.Column) })
            .GroupBy(c => (c.Row, c.Column)).Select(Together).ToList();
        return Cell.AnyOverlap(cells) ? null
            : new GridPage(next.Number, next.Method, cells.Concat(next.Cells.Where(c => c.Row >= end)))
            {
                Size = next.Size, Sheet = next.Sheet, Rulings = next.Rulings, TableRows = next.TableRows,
            };
    }

    /// <summary>Cells a stray column edge parted, as one: their texts in reading order, their boxes united, the lower confidence.</summary>
    private static Cell Together(IEnumerable<Cell> parts)
    {
        var list = parts.ToList();
        if (list.Count == 1) return list[0];
        var first = list[0];
        return first with
        {
            Text = string.Concat(list.Select(c => c.Text)),
            ColumnSpan = list.Max(c => c.ColumnSpan),
            RowSpan = list.Max(c => c.RowSpan),
            Box = Union(list.Select(c => c.Box)),
            TextBox = Union(list.Select(c => c.TextBox)),
            Confidence = list.Min(c => c.Confidence),
        };
    }

    private static Box? Union(IEnumerable<Box?> boxes) =>
        boxes.OfType<Box>().Aggregate((Box?)null, (all, b) => all is { } a ? a.Union(b) : b);

    /// <summary>
    /// Each column edge across the table's width, 0 at its left, 1 at its right: the median of the sides of the cells
    /// with a box on it (a line read above the table spans it wider than its rulings); null for an edge no such cell
    /// has a side on, the whole null when the outer edges are such.
    /// </summary>
    private static double?[]? Edges(IReadOnlyList<Cell> cells)
    {
        if (Columns(cells) < 2) return null;
        var sides = Enumerable.Range(0, Columns(cells) + 1).Select(_ => new List<double>()).ToArray();
        foreach (var cell in cells.Where(c => c.Box is not null))
        {
            sides[cell.Column].Add(cell.Box!.Value.Left);
            sides[cell.Column + cell.ColumnSpan].Add(cell.Box!.Value.Right);
        }
        if (sides[0].Count == 0 || sides[^1].Count == 0) return null;
        var (left, right) = (Median(sides[0]), Median(sides[^1]));
        return right <= left ? null : sides.Select(s => s.Count == 0 ? (double?)null : (Median(s) - left) / (right - left)).ToArray();
    }

    /// <summary>Whether a line above the page's first table titles a form.</summary>
    private static bool TitledAbove(GridPage page, Func<string?, bool>? startsForm) =>
        startsForm is not null && page.TableRows.Count > 0
        && page.Cells.Any(c => c.Row < page.TableRows[0].First && startsForm(c.Text));

    private static int Columns(IReadOnlyList<Cell> cells) => cells.Count == 0 ? 0 : cells.Max(c => c.Column + c.ColumnSpan);

    private static bool IsScan(GridPage page) => ReadMethod.IsOcr(page.Method);

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
