using Extractor.Readers.Ocr.Native;

namespace Extractor.Readers.Ocr;

/// <summary>
/// Decodes page images (PNG, JPEG, TIFF pages, BMP) with leptonica. The size is checked from the header
/// before any pixel is decoded, so a hostile header cannot make the reader allocate gigabytes.
/// </summary>
internal static class ScanImage
{
    /// <summary>The number of pages of an image file: TIFF may hold many, the other formats one.</summary>
    public static unsafe int PageCount(byte[] bytes)
    {
        var format = Header(bytes).Format;
        if (!IsTiff(format)) return 1;
        var count = 0;
        fixed (byte* data = bytes)
            while (Leptonica.readHeaderMemTiff(data, (nuint)bytes.Length, count, out _, out _, out _, out _, out _, out _, out _) == 0)
                count++;
        return count;
    }

    /// <summary>Decodes page <paramref name="page"/> (0-based; TIFF only) after checking its size against <paramref name="maxPixels"/>.</summary>
    public static unsafe Pix Decode(byte[] bytes, int page, long maxPixels)
    {
        var (format, width, height) = Header(bytes);
        fixed (byte* data = bytes)
        {
            if (IsTiff(format) && page > 0
                && Leptonica.readHeaderMemTiff(data, (nuint)bytes.Length, page, out width, out height, out _, out _, out _, out _, out _) != 0)
                throw new InputRejectedException($"the TIFF page {page + 1} cannot be read");
            CheckSize(width, height, maxPixels);
            var pix = IsTiff(format) ? Leptonica.pixReadMemTiff(data, (nuint)bytes.Length, page) : Leptonica.pixReadMem(data, (nuint)bytes.Length);
            if (pix.IsInvalid)
                throw new InputRejectedException($"the {FormatName(format)} image is damaged or truncated and cannot be decoded");
            return pix;
        }
    }

    /// <summary>Refuses an image whose pixel count exceeds the configured cap, before it is decoded.</summary>
    public static void CheckSize(long width, long height, long maxPixels)
    {
        if (width <= 0 || height <= 0)
            throw new InputRejectedException($"the image declares an impossible size ({width} x {height} pixels)");
        if (width * height > maxPixels)
            throw new InputRejectedException($"the image is {width} x {height} pixels ({width * height / 1_000_000.0:0.#} megapixels), over the limit of {maxPixels / 1_000_000.0:0.#} megapixels (Extractor:Ocr:MaxPixels)");
    }

    private static unsafe (int Format, int Width, int Height) Header(byte[] bytes)
    {
        fixed (byte* data = bytes)
            if (Leptonica.pixReadHeaderMem(data, (nuint)bytes.Length, out var format, out var w, out var h, out _, out _, out _) == 0)
                return (format, w, h);
        throw new InputRejectedException("the image header cannot be read (damaged, or a format other than PNG, JPEG, TIFF or BMP)");
    }

    private static bool IsTiff(int format) => format is >= 4 and <= 10 or 17;

    private static string FormatName(int format) => format switch
    {
        Leptonica.FormatJpeg => "JPEG",
        3 => "PNG",
        _ when IsTiff(format) => "TIFF",
        1 => "BMP",
        _ => "image",
    };
}
