using System.Text.RegularExpressions;
using Extractor.Grid;
using Extractor.Readers.Ocr.Native;

namespace Extractor.Readers.Ocr;

/// <summary>
/// Reads one page image into the grid model: prepare the image, find the ruled tables, then read every
/// cell's image on its own (the page segmentation mode that fits, digits only where the cell holds a
/// number). Text outside the tables (title, year line) becomes rows of its own above or below them.
/// Boxes are in the pixels of the source image, origin top-left.
/// </summary>
internal static partial class ScanPageReader
{
    private const double AmbiguousReading = 0.5;

    /// <summary>A number read this surely by the CJK model is not read again.</summary>
    private const double SureNumber = 0.9;
    private static readonly char[] Ambiguous = ['<', '>', '(', ')', '（', '）'];

    public static GridPage Read(Pix source, double sourceDpi, int? pageNumber, string method, OcrEngine engine, OcrOptions options, CancellationToken cancellationToken)
    {
        using var page = ScanPreparation.Prepare(source, sourceDpi, options);
        var ink = InkMask.From(page.Binary);
        var tables = RulingTables.Find(ink, page.Dpi, rect => ink.Erase(rect, page.Binary));
        engine.SetPage(page);
        var u = page.Dpi / 300.0;

        var cells = new List<Cell>();
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
                cells.AddRange(ReadFreeLine(engine, ink, line, row++, width, edges, u));
            if (table is null) break;

            var singleLineHeight = SingleLineHeight(ink, table, u);
            foreach (var cell in table.Cells)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (text, confidence) = ReadCell(engine, ink, cell.Inside, singleLineHeight, u);
                cells.Add(new Cell(row + cell.Row, cell.Column, text)
                {
                    RowSpan = cell.RowSpan,
                    ColumnSpan = cell.ColumnSpan,
                    Box = ToBox(cell.Box),
                    Confidence = confidence,
                });
            }
            row += table.RowCount;
            freeTop = table.Bounds.Bottom;
        }
        // Boxes were found on the prepared (scaled) page; the grid gives them in the source image's own pixels.
        var (scaleX, scaleY) = ((double)source.Width / page.Width, (double)source.Height / page.Height);
        return new GridPage(pageNumber, method, cells).Placed(b => b.Scaled(scaleX, scaleY), (source.Width, source.Height));
    }

    private static (string? Text, double Confidence) ReadCell(OcrEngine engine, InkMask ink, PixelRect inside, int singleLineHeight, double u)
    {
        var area = inside.Inset((int)(2 * u));
        if (area.IsEmpty || ink.Count(area) < 12 * u * u) return (null, 1.0);
        var bounds = ink.InkBounds(area);
        var rect = bounds.Inflate((int)(8 * u), inside);
        // Several text lines are read one by one: single-line mode reads CJK in narrow cells far better than block mode.
        var bands = LineBands(ink, bounds, singleLineHeight, u);
        var lines = bands.Count <= 1
            ? engine.Read(rect, bounds.Height <= 1.6 * singleLineHeight)
            : bands.SelectMany(band => engine.Read(new PixelRect(rect.Left, band.Top, rect.Right, band.Bottom).Inflate((int)(3 * u), inside), true)).ToList();
        var text = CellText.Assemble(lines, inside);
        var confidence = CellText.Confidence(lines);
        if (text is not null && MayBeNumber(text, confidence) && !(NumberLike().IsMatch(text) && confidence >= SureNumber))
        {
            var digits = engine.Read(rect, true, number: true);
            var reread = CellText.Assemble(digits, inside);
            var rereadConfidence = CellText.Confidence(digits);
            if (reread is not null && NumberLike().IsMatch(reread) && (!NumberLike().IsMatch(text) || rereadConfidence > confidence))
                (text, confidence) = (reread, rereadConfidence);
        }
        if (text is not null && Placeholder().IsMatch(text)) return ("—", confidence);
        if (text is not null && GreaterOrEqual().IsMatch(text)) text = "≥" + text[1..];
        if (text is ['>' or '<', ..] && HasBarBelow(ink, bounds)) text = (text[0] == '>' ? "≥" : "≤") + text[1..];

        // Where the bar under ≥ is lost, > and ≥ cannot be told apart; bracket widths are told by their gaps,
        // which a noisy scan may blur: a comparison or bracket the reader kept may have been the other, so such a cell is never sure.
        if (text is not null && text.IndexOfAny(Ambiguous) >= 0) confidence = Math.Min(confidence, AmbiguousReading);
        return (LabelSnap.Snap(text), text is null ? 1.0 : confidence);
    }

    /// <summary>
    /// The models have no ≥ or ≤ and read them as > and &lt;; the image tells them apart: the first glyph of
    /// the cell is ≥ or ≤ when its ink is two parts stacked (the angle, and the bar below it).
    /// </summary>
    private static bool HasBarBelow(InkMask ink, PixelRect bounds)
    {
        var columns = ink.InkColumns(bounds, 1);
        var end = 0;
        while (end < columns.Length && columns[end]) end++;
        if (end == 0) return false;
        var glyph = ink.InkBounds(new PixelRect(bounds.Left, bounds.Top, bounds.Left + end, bounds.Bottom));
        return InkMask.Bands(ink.InkRows(glyph, 1), 0).Count(b => b.End - b.Start >= 2) == 2;
    }

    /// <summary>
    /// The text lines of a cell: bands of inked rows split by blank rows; a band too thin for a line (a
    /// stroke of a character split off by its own gap) joins the band nearest to it.
    /// </summary>
    private static List<PixelRect> LineBands(InkMask ink, PixelRect bounds, int singleLineHeight, double u)
    {
        var bands = InkMask.Bands(ink.InkRows(bounds, 1), Math.Max(2, (int)(5 * u)));
        var minHeight = singleLineHeight * 3 / 5;
        for (var k = 0; k < bands.Count && bands.Count > 1;)
        {
            if (bands[k].End - bands[k].Start >= minHeight) { k++; continue; }
            var up = k > 0 ? bands[k].Start - bands[k - 1].End : int.MaxValue;
            var down = k + 1 < bands.Count ? bands[k + 1].Start - bands[k].End : int.MaxValue;
            var with = up <= down ? k - 1 : k + 1;
            var merged = (Math.Min(bands[k].Start, bands[with].Start), Math.Max(bands[k].End, bands[with].End));
            bands[Math.Min(k, with)] = merged;
            bands.RemoveAt(Math.Max(k, with));
            k = 0;
        }
        return bands.Select(b => new PixelRect(bounds.Left, bounds.Top + b.Start, bounds.Right, bounds.Top + b.End)).ToList();
    }

    /// <summary>The typical ink height of a one-line cell: the median of the table's cells, most of which hold one line.</summary>
    private static int SingleLineHeight(InkMask ink, RuledTable table, double u)
    {
        var heights = table.Cells.Select(c => ink.InkBounds(c.Inside.Inset((int)(2 * u)))).Where(b => !b.IsEmpty && b.Height > 10 * u).Select(b => b.Height).Order().ToList();
        return heights.Count == 0 ? (int)(50 * u) : heights[heights.Count / 2];
    }

    /// <summary>Lines of text between tables, found from rows that hold ink; specks of noise are too thin to count.</summary>
    private static IEnumerable<PixelRect> TextLines(InkMask ink, PixelRect region, double u)
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
    private static IEnumerable<Cell> ReadFreeLine(OcrEngine engine, InkMask ink, PixelRect line, int row, int width, IReadOnlyList<int>? edges, double u)
    {
        var chunks = InkMask.Bands(ink.InkColumns(line, 1), 3 * line.Height)
            .Select(b => new PixelRect(line.Left + b.Start, line.Top, line.Left + b.End, line.Bottom));

        var read = new List<(PixelRect Box, string Text, double Confidence)>();
        foreach (var chunk in chunks)
        {
            var rect = chunk.Inflate((int)(8 * u), new PixelRect(0, 0, ink.Width, ink.Height));
            var lines = engine.Read(rect, true);
            var text = CellText.Assemble(lines, rect);
            if (text is null) continue;
            read.Add((chunk, LabelSnap.Snap(text)!, CellText.Confidence(lines)));
        }
        if (read.Count == 1 || edges is null)
        {
            if (read.Count > 0)
                yield return new Cell(row, 0, string.Join(" ", read.Select(r => r.Text))) { ColumnSpan = width, Box = ToBox(line), Confidence = read.Min(r => r.Confidence) };
            yield break;
        }
        var columnsOf = read.Select(r => Math.Clamp(ColumnAt(edges, r.Box.Left), 0, width - 1)).ToList();
        for (var i = 0; i < read.Count; i++)
        {
            if (i > 0 && columnsOf[i] <= columnsOf[i - 1]) columnsOf[i] = Math.Min(width - 1, columnsOf[i - 1] + 1);
            var end = i + 1 < read.Count ? Math.Max(columnsOf[i] + 1, ColumnAt(edges, read[i + 1].Box.Left)) : width;
            yield return new Cell(row, columnsOf[i], read[i].Text) { ColumnSpan = Math.Max(1, Math.Min(end, width) - columnsOf[i]), Box = ToBox(read[i].Box), Confidence = read[i].Confidence };
        }
    }

    private static int ColumnAt(IReadOnlyList<int> edges, int x)
    {
        for (var c = 0; c + 1 < edges.Count; c++)
            if (x < edges[c + 1]) return c;
        return edges.Count - 2;
    }

    private static Box ToBox(PixelRect r) => new(r.Left, r.Top, r.Right, r.Bottom);

    /// <summary>
    /// Text without CJK that is mostly digits: a number, percentage or numeric target misread ("9296" for
    /// "92%"), or a short unsure reading ("三1" for "=1", "二" for "="), worth a second reading limited to
    /// the characters numbers are printed with. Units in CJK ("4.6万吨") rule it out: the limited reading would drop them.
    /// </summary>
    private static bool MayBeNumber(string text, double confidence)
    {
        var cjk = text.Count(Extractor.Text.CjkText.IsCjkLike);
        var mostlyDigits = text.Length <= 20 && cjk == 0 && text.Count(char.IsAsciiDigit) * 2 >= text.Length;
        var shortAndUnsure = text.Length <= 3 && cjk <= 1 && (cjk == 0 || confidence < 0.85);
        return mostlyDigits || shortAndUnsure;
    }

    /// <summary>The CJK model reads ≥ as 之 (its nearest shape): at the start of a target, before a number or alone.</summary>
    [GeneratedRegex(@"^之(\d.*)?$")]
    private static partial Regex GreaterOrEqual();

    /// <summary>A dash placeholder (—) that OCR reads as 一, 一一, - or _.</summary>
    [GeneratedRegex(@"^[一—\-_－―]{1,3}$")]
    private static partial Regex Placeholder();

    /// <summary>A cell that holds a number, a percentage or a numeric target ("854,500.00", "100.00%", "≥90%", "=1").</summary>
    [GeneratedRegex(@"^([=<>≥≤]{0,2}\s*[0-9][0-9,.，。 ]*%?|[=<>%]{1,2})$")]
    private static partial Regex NumberLike();
}
