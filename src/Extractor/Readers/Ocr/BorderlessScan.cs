using Extractor.Grid;
using Extractor.Tables;

namespace Extractor.Readers.Ocr;

/// <summary>
/// A scanned page without ruling lines (a borderless print): its text is read in chunks (runs of ink with no cell's
/// gap in them, each of their lines on its own) and handed to <see cref="StreamGridFinder"/> as glyphs in points, as a
/// borderless PDF's glyphs are, so that one stream algorithm makes the rows and columns of both. A chunk's characters
/// share its box evenly (the recogniser places characters, it does not box them); a cell's confidence is that of its
/// least sure chunk.
/// </summary>
internal static class BorderlessScan
{
    /// <summary>Share of the em a line's ink fills (CJK characters nearly all of it): ink height to font size.</summary>
    private const double InkPerEm = 0.9;

    /// <summary>The page's grid in prepared-page pixels; null when the stream finder sees no table in its text.</summary>
    public static GridPage? Read(InkMask ink, CellReader reader, int dpi, int? pageNumber, string method, CancellationToken cancellationToken)
    {
        var u = dpi / 300.0;
        var bands = ScanPageReader.TextLines(ink, new PixelRect(0, 0, ink.Width, ink.Height), u).ToList();
        if (bands.Count == 0) return null;
        // Most bands are one line of body text: their median height is the line's (a band of a wrapped cell is taller).
        var lineHeight = bands.Select(b => b.Height).Order().ElementAt(bands.Count / 2);
        var em = lineHeight / InkPerEm;
        var points = 72.0 / dpi;
        var glyphs = new List<Glyph>();
        var sure = new Dictionary<Glyph, double>();
        foreach (var band in bands)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunks = InkMask.Bands(ink.InkColumns(band, 1), (int)(StreamGridFinder.CellGap * em))
                .Select(b => ink.InkBounds(new PixelRect(band.Left + b.Start, band.Top, band.Left + b.End, band.Bottom)));
            foreach (var line in chunks.SelectMany(c => reader.LineBands(c, lineHeight)))
            {
                var reading = reader.ReadLine(ink.InkBounds(line));
                if (reading.Text is not { Length: > 0 } text) continue;
                var box = reading.InkBox.IsEmpty ? line : reading.InkBox;
                var width = (double)box.Width / text.Length;
                for (var i = 0; i < text.Length; i++)
                {
                    var glyph = new Glyph(text[i].ToString(), new Box((box.Left + i * width) * points, box.Top * points, (box.Left + (i + 1) * width) * points, box.Bottom * points), em * points);
                    glyphs.Add(glyph);
                    sure[glyph] = reading.Confidence;
                }
            }
        }
        var layout = new PageLayout(pageNumber ?? 1, ink.Width * points, ink.Height * points, glyphs, []);
        var tables = new StreamGridFinder().Find(layout);
        if (tables.Count == 0) return null;
        var grid = PageGrid.Assemble(layout, tables.Select(TextLines.WithTextBoxes).ToList(), method);
        var cells = grid.Cells.Select(c =>
        {
            var inside = c.Box is { } b ? glyphs.Where(g => g.CenterX >= b.Left && g.CenterX <= b.Right && g.CenterY >= b.Top && g.CenterY <= b.Bottom).ToList() : [];
            return c with { Confidence = inside.Count == 0 ? 1.0 : inside.Min(g => sure[g]), TextBox = c.TextBox ?? c.Box };
        });
        return new GridPage(pageNumber, method, cells).Placed(b => b.Scaled(1 / points, 1 / points), (ink.Width, ink.Height));
    }
}
