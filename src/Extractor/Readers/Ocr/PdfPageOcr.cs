using Extractor.Grid;
using Extractor.Readers.Ocr.Native;
using Extractor.Readers.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Extractor.Readers.Ocr;

/// <summary>
/// Reads a PDF page without a text layer: the scan image embedded in it (JPEG and Flate images decoded
/// here), or, for a page drawn with vectors only, the page rasterised by poppler's pdftoppm. The image's pixels
/// are placed on the page where the PDF draws the image, so the grid's boxes are in points like a text page's
/// (its text boxes where the page prints them, its cells upright as the reader prepared the page: see <see cref="Cell.TextBox"/>).
/// </summary>
public sealed class PdfPageOcr(OcrEnginePool engines, OcrOptions options) : IPageOcr
{
    private static readonly string[] Unsupported = ["JBIG2Decode", "JPXDecode"];

    /// <summary>The page's grid with its boxes in PDF points, origin at the top-left of the page's crop box.</summary>
    public GridPage Read(InputFile file, Page page, CancellationToken cancellationToken)
    {
        using var pix = PageImage(file, page, options, out var dpi, out var placement);
        var (width, height) = (pix.Width, pix.Height);
        var grid = engines.Use(engine => ScanPageReader.Read(pix, dpi, page.Number, ReadMethod.PdfOcr, engine, options, cancellationToken), cancellationToken);
        var crop = PdfPageLayout.ViewedBounds(page);
        var (scaleX, scaleY) = (placement.Width / width, placement.Height / height);
        return grid.Placed(b => b.Scaled(scaleX, scaleY, placement.Left - crop.Left, crop.Top - placement.Top), (crop.Width, crop.Height));
    }

    /// <summary>
    /// The image to read and where it is drawn on the page (PDF user space, origin bottom-left): the scan image's
    /// own placement, or the whole crop box for a page rasterised here.
    /// </summary>
    internal static Pix PageImage(InputFile file, Page page, OcrOptions options, out double dpi, out PdfRectangle placement)
    {
        var pageArea = page.Width * page.Height;
        var scan = page.GetImages().Where(i => !i.IsImageMask && i.BoundingBox.Width * i.BoundingBox.Height >= 0.5 * pageArea)
            .MaxBy(i => (long)i.WidthInSamples * i.HeightInSamples);
        if (scan is null)
        {
            dpi = options.TargetDpi;
            placement = PdfPageLayout.ViewedBounds(page);
            return Rasterise(file, page.Number, options.TargetDpi, options.MaxPixels);
        }
        ScanImage.CheckSize(scan.WidthInSamples, scan.HeightInSamples, options.MaxPixels);
        placement = scan.BoundingBox;
        dpi = scan.WidthInSamples / (scan.BoundingBox.Width / 72.0);
        var filters = Filters(scan.ImageDictionary).ToList();
        var filter = filters.FirstOrDefault(f => Unsupported.Contains(f));
        if (filter is not null)
            throw new InputRejectedException($"page {page.Number} is a scan compressed with {filter}, which this reader cannot decode (re-save the PDF with JPEG or Flate images)");
        byte[] bytes;
        if (filters.Contains("DCTDecode")) bytes = scan.RawBytes.ToArray();
        else if (!scan.TryGetPng(out bytes!))
            throw new InputRejectedException($"the scan image of page {page.Number} cannot be decoded (filter {string.Join("+", filters)})");
        return ScanImage.Decode(bytes, 0, options.MaxPixels);
    }

    private static IEnumerable<string> Filters(DictionaryToken dictionary)
    {
        if (!dictionary.TryGet(NameToken.Filter, out var token) && !dictionary.TryGet(NameToken.F, out token)) return [];
        return token switch
        {
            NameToken name => [name.Data],
            ArrayToken array => array.Data.OfType<NameToken>().Select(n => n.Data),
            _ => [],
        };
    }

    /// <summary>A vector-only page (no text, no scan image) drawn by poppler at the target resolution.</summary>
    private static Pix Rasterise(InputFile file, int pageNumber, int dpi, long maxPixels)
    {
        try
        {
            return ScanImage.Decode(PageRaster.Png(file.Bytes, pageNumber, dpi, grey: true), 0, maxPixels);
        }
        catch (InputRejectedException e)
        {
            throw new InputRejectedException($"page {pageNumber} has neither text nor a scan image, and {e.Reason}", e);
        }
    }
}
