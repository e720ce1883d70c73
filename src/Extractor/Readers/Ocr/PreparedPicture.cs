using Extractor.Grid;
using Extractor.Readers.Ocr.Native;
using Extractor.Readers.Pdf;

namespace Extractor.Readers.Ocr;

/// <summary>
/// A scanned page as the OCR reader saw it, for drawing its grid over (`extractor debug`): the page image prepared as
/// for reading (grey, scaled, deskewed, background flattened; the rulings not yet erased), so the rulings and cells
/// found fall on the lines and text they were found from, where the original, skewed, would drift from them.
/// </summary>
public static class PreparedPicture
{
    /// <summary>
    /// Page <paramref name="page"/> (1-based) of a scanned PDF or an image file, prepared with <paramref name="options"/>
    /// and drawn at <paramref name="dpi"/>, with how many of its pixels make one unit of the grid's boxes (points for
    /// PDFs, taken from the scan's placement on the page; the image's own pixels for image files).
    /// </summary>
    public static PageBackground Of(InputFile file, int page, OcrOptions options, int dpi)
    {
        if (InputKindDetector.Detect(file) == InputKind.Image)
        {
            var image = ScanImage.Decode(file.Bytes, page - 1, options.MaxPixels);
            var width = image.Width;
            return Draw(image, ImageReader.Dpi(image), options, dpi, 1.0 / width);
        }
        using var document = PdfTextReader.Open(file);
        var scan = PdfPageOcr.PageImage(file, PdfTextReader.PageOf(document, page), options, out var scanDpi, out var placement);
        return Draw(scan, scanDpi, options, dpi, 1.0 / placement.Width);
    }

    /// <summary>
    /// Prepares the image (and releases it) and draws the prepared page at the drawing's resolution, averaged over the
    /// pixels each drawn one covers (thin rulings stay visible).
    /// </summary>
    private static PageBackground Draw(Pix source, double sourceDpi, OcrOptions options, int dpi, double sourceWidthsPerUnit)
    {
        using var page = ScanPreparation.Prepare(source, sourceDpi, options);
        var scale = (float)Math.Min(1.0, (double)dpi / page.Dpi);
        using var drawn = Leptonica.pixScaleAreaMap(page.Grey, scale, scale).OrThrow("scale the prepared page");
        return new PageBackground(Leptonica.Encode(drawn, Leptonica.FormatPng), drawn.Width, drawn.Height, drawn.Width * sourceWidthsPerUnit);
    }
}
