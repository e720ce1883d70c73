using Extractor.Grid;
using Extractor.Tables;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Extractor.Readers.Pdf;

/// <summary>
/// PDFs with a text layer, read with PdfPig: per page, tables from ruling lines, or from text alignment
/// where the page has none, and the text around them. A page without text (a scan) or with a garbage text
/// layer goes to OCR.
/// Owner-password encryption (printing or copying forbidden) does not stop reading; a user password does.
/// </summary>
public sealed class PdfTextReader(IPageOcr? ocr, LatticeOptions? lattice = null, InputLimits? limits = null) : IDocumentReader
{
    private readonly LatticeOptions _lattice = lattice ?? new LatticeOptions();
    private readonly InputLimits _limits = limits ?? new InputLimits();

    /// <summary>PdfPig may find the encryption when the document opens or only when a page is read.</summary>
    private const string UserPassword = "the PDF is protected by a user password; it cannot be read without it";

    public GridDocument Read(InputFile file, CancellationToken cancellationToken)
    {
        using var document = Open(file);
        _limits.CheckPages(document.NumberOfPages, "PDF");
        InflationBound.Check(document, _limits.MaxInflatedBytes);
        var lattice = new LatticeGridFinder(_lattice);
        var stream = new StreamGridFinder();
        var read = new List<(PageLayout? Layout, List<FoundTable> Tables, GridPage? Scan)>(document.NumberOfPages);
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = PageOf(document, number);
            if (TextLayer.IsBlank(page))
            {
                read.Add((null, [], new GridPage(number, ReadMethod.PdfText, []) { Size = (page.Width, page.Height) }));
                continue;
            }
            var unreadable = TextLayer.IsEmpty(page) ? "has no text layer (a scan)"
                : TextLayer.IsGarbage(page) ? "has a text layer of unreadable characters (a font without a usable ToUnicode map)"
                : null;
            if (unreadable is not null)
            {
                read.Add((null, [], ocr?.Read(file, page, cancellationToken)
                    ?? throw new InputRejectedException($"page {number} {unreadable} and OCR is not available")));
                continue;
            }
            var layout = PdfPageLayout.From(page, number, _lattice);
            var tables = lattice.Find(layout);
            if (tables.Count == 0) tables = stream.Find(layout);
            read.Add((layout, tables.Select(TextLines.WithTextBoxes).ToList(), null));
            JoinAcrossBreak(read);
        }
        return new GridDocument(read.Select(p => p.Scan ?? PageGrid.Assemble(p.Layout!, p.Tables, ReadMethod.PdfText)).ToList());
    }

    /// <summary>
    /// A table continued over the break between the last two pages read keeps its columns (<see cref="ContinuedColumns"/>),
    /// and a row cut by the break goes back together (see <see cref="PageBreakJoin"/>).
    /// </summary>
    private static void JoinAcrossBreak(List<(PageLayout? Layout, List<FoundTable> Tables, GridPage? Scan)> read)
    {
        if (read.Count < 2 || read[^2].Tables.Count == 0 || read[^1].Tables.Count == 0) return;
        var previous = read[^2].Tables[^1];
        var next = read[^1].Tables[0];
        if (TextBelow(read[^2].Layout!, previous) || TextAbove(read[^1].Layout!, next)) return;
        next = read[^1].Tables[0] = ContinuedColumns.Align(previous, next) ?? next;
        if (PageBreakJoin.Join(previous, next, read[^1].Layout!.Number) is not { } joined) return;
        read[^2].Tables[^1] = joined.Previous;
        read[^1].Tables[0] = joined.Next;
    }

    private static bool TextBelow(PageLayout page, FoundTable table) =>
        Untaken(page, table).Any(g => g.Box.Top >= table.Box.Bottom);

    private static bool TextAbove(PageLayout page, FoundTable table) =>
        Untaken(page, table).Any(g => g.Box.Bottom <= table.Box.Top);

    /// <summary>The printed glyphs of the page but its cells' overflow past their open edges (<see cref="TableCell.Overflow"/>).</summary>
    private static IEnumerable<Glyph> Untaken(PageLayout page, FoundTable table)
    {
        var taken = table.Cells.SelectMany(c => c.Overflow).ToHashSet();
        return page.Glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Value) && !taken.Contains(g));
    }

    private static PdfDocument Open(InputFile file)
    {
        if (file.Bytes.AsSpan().LastIndexOf("%%EOF"u8) < 0)
            throw new InputRejectedException("the PDF is truncated: it has no %%EOF end marker (an incomplete download or copy?)");
        PdfDocument document;
        try
        {
            // Clipping on: spreadsheet exports draw a merged cell's text on every page it crosses and clip it
            // away on all but one; unclipped, the label would turn up again below the table.
            document = PdfDocument.Open(file.Bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = true });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new InputRejectedException(UserPassword, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InputRejectedException($"the PDF is damaged and cannot be read ({e.Message})", e);
        }
        if (document.NumberOfPages == 0)
        {
            document.Dispose();
            throw new InputRejectedException("the PDF has no pages");
        }
        return document;
    }

    private static UglyToad.PdfPig.Content.Page PageOf(PdfDocument document, int number)
    {
        try
        {
            return document.GetPage(number);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new InputRejectedException(UserPassword, e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not InputRejectedException)
        {
            throw new InputRejectedException($"page {number} of the PDF is damaged and cannot be read ({e.Message})", e);
        }
    }
}
