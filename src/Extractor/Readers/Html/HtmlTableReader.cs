using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Extractor.Grid;

namespace Extractor.Readers.Html;

/// <summary>
/// HTML pages or fragments holding forms as &lt;table&gt;s. Merged cells keep their rowspan/colspan; text
/// outside tables (a title in &lt;h1&gt;, the year in a &lt;p&gt;) becomes one-cell rows in document order,
/// so a form whose title sits above its table reads like one whose title is its first row.
/// </summary>
public sealed class HtmlTableReader(InputLimits? limits = null) : IDocumentReader
{
    private readonly InputLimits _limits = limits ?? new InputLimits();

    public GridDocument Read(InputFile file, CancellationToken cancellationToken)
    {
        _limits.CheckTextBytes(file.Bytes.Length);
        var html = TextDecoding.Decode(file.Bytes);
        if (MarkupDepth.Of(html, _limits.MaxHtmlDepth) > _limits.MaxHtmlDepth)
            throw new InputRejectedException($"the HTML nests its elements more than {_limits.MaxHtmlDepth} deep (Extractor:Limits:MaxHtmlDepth); no export of a form does");
        var document = new HtmlParser().ParseDocument(html);
        var cells = new List<Cell>();
        var nextRow = 0;
        if (document.Body is not null) Collect(document.Body, cells, ref nextRow, cancellationToken);
        return new GridDocument([new GridPage(null, ReadMethod.Html, cells)]);
    }

    private static void Collect(IElement element, List<Cell> cells, ref int nextRow, CancellationToken ct)
    {
        foreach (var child in element.Children)
        {
            ct.ThrowIfCancellationRequested();
            if (child is IHtmlTableElement table)
                nextRow = AddTable(table, cells, nextRow);
            else if (child.QuerySelector("table") is not null)
                Collect(child, cells, ref nextRow, ct);
            else if (HtmlCellText.Of(child) is { } text)
                cells.Add(new Cell(nextRow++, 0, text));
        }
    }

    /// <summary>Places the table's cells on a grid the way browsers do: a cell takes the first column its row has free.</summary>
    internal static int AddTable(IHtmlTableElement table, List<Cell> cells, int firstRow)
    {
        var occupied = new HashSet<(int Row, int Col)>();
        var rows = table.Rows.Where(r => r.Closest("table") == table).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var col = 0;
            foreach (var td in rows[r].Cells)
            {
                while (occupied.Contains((r, col))) col++;
                var rowSpan = Math.Clamp(td.RowSpan, 1, rows.Count - r);
                var colSpan = Math.Clamp(td.ColumnSpan, 1, 1000);
                for (var dr = 0; dr < rowSpan; dr++)
                    for (var dc = 0; dc < colSpan; dc++)
                        occupied.Add((r + dr, col + dc));
                var text = HtmlCellText.Of(td);
                if (text is not null)
                    cells.Add(new Cell(firstRow + r, col, text) { RowSpan = rowSpan, ColumnSpan = colSpan });
                col += colSpan;
            }
        }
        return firstRow + rows.Count;
    }
}
