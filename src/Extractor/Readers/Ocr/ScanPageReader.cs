using Extractor.Grid;
using Extractor.Readers.Ocr.Native;
using Extractor.Tables;

namespace Extractor.Readers.Ocr;

/// <summary>
/// Reads one page image into the grid model: prepare the image, find its ruling lines (<see cref="ScanRulings"/>) and
/// the tables they make (<see cref="LatticeGridFinder"/>, as for a PDF's drawn lines), then read every cell's image on
/// its own (<see cref="CellReader"/>). Text outside the tables (title, year line) becomes
/// rows of its own above or below them. Boxes are in the pixels of the source image, origin top-left.
/// </summary>
internal static class ScanPageReader
{
    /// <summary>The PDF reader's lattice finder with its default tolerances: the lines of a scan come in points too.</summary>
    private static readonly LatticeGridFinder Lattice = new();

    /// <summary>Reads a page image; <paramref name="source"/> is released once the page is prepared.</summary>
    public static GridPage Read(Pix source, double sourceDpi, int? pageNumber, string method, OcrEngine engine, OcrOptions options, CancellationToken cancellationToken)
    {
        using var page = ScanPreparation.Prepare(source, sourceDpi, options);
        var ink = InkMask.From(page.Binary);
        var rulings = ScanRulings.Find(ink, page.Dpi, options.Rulings);
        var tables = rulings.Tables(Lattice);
        rulings.Erase(rect => ink.Erase(rect, page));
        engine.Tesseract.SetPage(page);
        var reader = new CellReader(engine, page, ink, options);
        var u = page.Dpi / 300.0;
        if (tables.Count == 0 && BorderlessScan.Read(ink, reader, page.Dpi, pageNumber, method, cancellationToken) is { } borderless)
            return page.Warp.Place(borderless);

        var cells = new List<Cell>();
        var tableRows = new List<(int, int)>();
        var row = 0;
        var freeTop = 0;
        for (var t = 0; t <= tables.Count; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var table = t < tables.Count ? tables[t] : null;
            var freeBottom = table?.Bounds.Top ?? page.Height;
            // Free lines take the columns of the table below them, or of the last one at the foot of the page.
            var columnsFrom = table ?? tables.LastOrDefault();
            var width = columnsFrom?.ColumnCount ?? 1;
            var edges = columnsFrom?.ColumnEdges;
            foreach (var line in TextLines(ink, new PixelRect(0, freeTop, page.Width, freeBottom), u))
                cells.AddRange(ReadFreeLine(reader, ink, line, row++, width, edges));
            if (table is null) break;

            var singleLineHeight = SingleLineHeight(ink, table, u);
            var readings = reader.Read(table.Cells.Select(c => c.Inside).ToList(), singleLineHeight);
            foreach (var (cell, reading) in table.Cells.Zip(readings))
            {
                cells.Add(new Cell(row + cell.Row, cell.Column, reading.Text)
                {
                    RowSpan = cell.RowSpan,
                    ColumnSpan = cell.ColumnSpan,
                    Box = ToBox(cell.Box),
                    TextBox = TextBox(reading),
                    Confidence = reading.Confidence,
                });
            }
            tableRows.Add((row, row + table.RowCount));
            row += table.RowCount;
            freeTop = table.Bounds.Bottom;
        }
        // Boxes were found on the prepared page; the grid gives them in the source image's own pixels.
        return page.Warp.Place(new GridPage(pageNumber, method, cells) { Rulings = rulings.Ink.Select(ToBox).ToList(), TableRows = tableRows });
    }

    /// <summary>The typical ink height of a one-line cell: the median of the table's cells, most of which hold one line.</summary>
    private static int SingleLineHeight(InkMask ink, RuledTable table, double u)
    {
        var heights = table.Cells.Select(c => ink.InkBounds(c.Inside.Inset((int)(2 * u)))).Where(b => !b.IsEmpty && b.Height > 10 * u).Select(b => b.Height).Order().ToList();
        return heights.Count == 0 ? (int)(50 * u) : heights[heights.Count / 2];
    }

    /// <summary>Lines of text between tables, found from rows that hold ink; specks of noise are too thin to count.</summary>
    internal static IEnumerable<PixelRect> TextLines(InkMask ink, PixelRect region, double u)
    {
        if (region.Height < 10 * u) yield break;
        foreach (var (top, bottom) in InkMask.Bands(ink.InkRows(region, Math.Max(3, (int)(4 * u))), (int)(6 * u)))
        {
            if (bottom - top < 14 * u) continue;
            var bounds = ink.InkBounds(new PixelRect(region.Left, region.Top + top, region.Right, region.Top + bottom));
            if (!bounds.IsEmpty) yield return bounds;
        }
    }

    /// <summary>A free text line: one cell over the table's width, or one cell per chunk where wide gaps split it.</summary>
    private static IEnumerable<Cell> ReadFreeLine(CellReader reader, InkMask ink, PixelRect line, int row, int width, IReadOnlyList<int>? edges)
    {
        var chunks = InkMask.Bands(ink.InkColumns(line, 1), 3 * line.Height)
            .Select(b => new PixelRect(line.Left + b.Start, line.Top, line.Left + b.End, line.Bottom));
        var read = chunks.Select(reader.ReadLine).Where(r => r.Text is not null).ToList();
        if (read.Count == 1 || edges is null)
        {
            if (read.Count > 0)
                yield return new Cell(row, 0, string.Join(" ", read.Select(r => r.Text)))
                {
                    ColumnSpan = width, Box = ToBox(line), TextBox = ToBox(line), Confidence = read.Min(r => r.Confidence),
                };
            yield break;
        }
        var columnsOf = read.Select(r => Math.Clamp(ColumnAt(edges, r.InkBox.Left), 0, width - 1)).ToList();
        for (var i = 0; i < read.Count; i++)
        {
            if (i > 0 && columnsOf[i] <= columnsOf[i - 1]) columnsOf[i] = Math.Min(width - 1, columnsOf[i - 1] + 1);
            var end = i + 1 < read.Count ? Math.Max(columnsOf[i] + 1, ColumnAt(edges, read[i + 1].InkBox.Left)) : width;
            yield return new Cell(row, columnsOf[i], read[i].Text)
            {
                ColumnSpan = Math.Max(1, Math.Min(end, width) - columnsOf[i]), Box = ToBox(read[i].InkBox), TextBox = TextBox(read[i]), Confidence = read[i].Confidence,
            };
        }
    }

    private static int ColumnAt(IReadOnlyList<int> edges, int x)
    {
        for (var c = 0; c + 1 < edges.Count; c++)
            if (x < edges[c + 1]) return c;
        return edges.Count - 2;
    }

    private static Box ToBox(PixelRect r) => new(r.Left, r.Top, r.Right, r.Bottom);

    /// <summary>The box of a reading's ink, for cells that hold text.</summary>
    private static Box? TextBox(CellReading reading) => reading.Text is null || reading.InkBox.IsEmpty ? null : ToBox(reading.InkBox);
}
