using Extractor.Grid;
using Extractor.Readers.Ocr;
using Extractor.Readers.Ocr.Native;
using Extractor.Readers.Pdf;

namespace Extractor.Readers;

/// <summary>
/// A page of an original as a PNG, whole or cut to an area, with boxes outlined: what the review page shows
/// beside a value and what `extractor debug` draws the grid and the trace over. PDF pages (text or scan) are
/// drawn by the same rasteriser as OCR uses (<see cref="PageRaster"/>), their boxes being in points; image files
/// are cut from their own pixels, the units of their boxes.
/// </summary>
public static class PagePicture
{
    /// <summary>Outlines are drawn this many pixels wide, in red.</summary>
    private const int OutlineWidth = 2;

    /// <summary>An image larger than this (pixels) is refused, as the OCR reader refuses it.</summary>
    private const long MaxPixels = 200_000_000;

    /// <summary>
    /// Page <paramref name="page"/> (1-based) of <paramref name="original"/>, PDFs drawn at <paramref name="dpi"/>;
    /// cut to <paramref name="area"/> (in the page's box units) when given; <paramref name="outlines"/> drawn.
    /// Returns the PNG and how many of its pixels make one box unit. Throws <see cref="InputRejectedException"/>
    /// when the page cannot be drawn.
    /// </summary>
    public static (byte[] Png, double PixelsPerUnit) Png(InputFile original, int page, int dpi, Box? area = null, IReadOnlyList<Box>? outlines = null)
    {
        var kind = InputKindDetector.Detect(original);
        using var decoded = kind switch
        {
            InputKind.Pdf => Decode(PageRaster.Png(original.Bytes, page, dpi, grey: false)),
            InputKind.Image => ScanImage.Decode(original.Bytes, page - 1, MaxPixels),
            _ => throw new InputRejectedException($"a {kind} input has no pages to draw"),
        };
        var scale = kind == InputKind.Pdf ? dpi / 72.0 : 1.0;
        using var colour = Leptonica.pixConvertTo32(decoded).OrThrow("convert the page to colour");
        foreach (var box in outlines ?? [])
        {
            var (x, y, w, h) = Pixels(box, scale);
            Leptonica.WithBox(x, y, w, h, b => Leptonica.pixRenderBoxArb(colour, b, OutlineWidth, 220, 0, 0));
        }
        if (area is not { } cut) return (Leptonica.Encode(colour, Leptonica.FormatPng), scale);
        var (left, top, width, height) = Pixels(cut, scale);
        using var clipped = Leptonica.WithBox(left, top, width, height, b => Leptonica.pixClipRectangle(colour, b, IntPtr.Zero)).OrThrow("cut the page area");
        return (Leptonica.Encode(clipped, Leptonica.FormatPng), scale);
    }

    private static (int X, int Y, int Width, int Height) Pixels(Box box, double scale) =>
        ((int)Math.Floor(box.Left * scale), (int)Math.Floor(box.Top * scale), (int)Math.Ceiling(box.Width * scale), (int)Math.Ceiling(box.Height * scale));

    private static unsafe Pix Decode(byte[] png)
    {
        fixed (byte* data = png)
            return Leptonica.pixReadMem(data, (nuint)png.Length).OrThrow("decode the drawn page");
    }
}
