namespace Extractor.Readers.Office;

/// <summary>
/// A sheet's rows and columns with the hidden ones taken out: where a visible row or column lands once the grid
/// closes up over the hidden ones, and how many visible ones a merged region spans.
/// </summary>
internal sealed class VisibleLines(IEnumerable<int> hiddenRows, IEnumerable<int> hiddenColumns)
{
    private readonly int[] _rows = hiddenRows.Order().ToArray();
    private readonly int[] _columns = hiddenColumns.Order().ToArray();

    public bool IsHiddenRow(int row) => Array.BinarySearch(_rows, row) >= 0;
    public bool IsHiddenColumn(int column) => Array.BinarySearch(_columns, column) >= 0;

    public int Row(int row) => row - Before(_rows, row);
    public int Column(int column) => column - Before(_columns, column);

    /// <summary>Visible rows from <paramref name="first"/> to <paramref name="last"/>, both included (at least 1).</summary>
    public int Rows(int first, int last) => Math.Max(1, last - first + 1 - (Before(_rows, last + 1) - Before(_rows, first)));

    public int Columns(int first, int last) => Math.Max(1, last - first + 1 - (Before(_columns, last + 1) - Before(_columns, first)));

    /// <summary>How many of the hidden lines come before <paramref name="line"/>.</summary>
    private static int Before(int[] hidden, int line)
    {
        var at = Array.BinarySearch(hidden, line);
        return at >= 0 ? at : ~at;
    }
}
