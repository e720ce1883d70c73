using Extractor.Grid;

namespace Extractor.Readers.Ocr;

/// <summary>Reads PNG, JPEG, BMP and (multi-page) TIFF files by OCR, one grid page per image page.</summary>
public sealed class ImageReader(OcrEnginePool engines, OcrOptions options, InputLimits limits) : IDocumentReader
{
    /// <summary>Images without a resolution are taken to be a page this wide (A4), the usual case for scans.</summary>
    private const double AssumedPageWidthInches = 8.27;

    public GridDocument Read(InputFile file, CancellationToken cancellationToken)
    {
        var count = ScanImage.PageCount(file.Bytes);
        limits.CheckPages(count, "image");
        return engines.Use(engine =>
        {
            var pages = new List<GridPage>(count);
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var pix = ScanImage.Decode(file.Bytes, i, options.MaxPixels);
                pages.Add(ScanPageReader.Read(pix, Dpi(pix), i + 1, ReadMethod.ImageOcr, engine, options, cancellationToken));
            }
            return new GridDocument(pages);
        }, cancellationToken);
    }

    /// <summary>The image's resolution as it declares it, else that of an A4 page as wide as the image.</summary>
    internal static double Dpi(Native.Pix pix) =>
        pix.XResolution is > 50 and < 2400 ? pix.XResolution : Math.Clamp(pix.Width / AssumedPageWidthInches, 100, 600);
}
