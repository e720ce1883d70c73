using Extractor.Readers.Ocr.Native;

namespace Extractor.Readers.Ocr;

/// <summary>A page image ready to read: binary, upright, at the target resolution.</summary>
internal sealed class PreparedPage(Pix binary, int dpi) : IDisposable
{
    public Pix Binary { get; } = binary;
    public int Dpi { get; } = dpi;
    public int Width => Binary.Width;
    public int Height => Binary.Height;

    public void Dispose() => Binary.Dispose();
}

/// <summary>
/// Leptonica's image preparation: grey, scaled to the target resolution (low-resolution scans up),
/// deskewed within the configured angle, background flattened and binarised.
/// </summary>
internal static class ScanPreparation
{
    /// <summary>Binarisation level after background normalisation (which maps paper to 200).</summary>
    private const int InkThreshold = 140;

    public static PreparedPage Prepare(Pix source, double sourceDpi, OcrOptions options)
    {
        using var grey = Leptonica.pixConvertTo8(source, 0).OrThrow("convert the image to grey");
        var scale = ScaleFactor(sourceDpi, options.TargetDpi);
        using var scaled = scale == 1.0 ? null : Leptonica.pixScaleGrayLI(grey, (float)scale, (float)scale).OrThrow("scale the image");
        var upright = Deskew(scaled ?? grey, options.MaxDeskewDegrees);
        using (upright)
        {
            using var flat = Leptonica.pixBackgroundNormSimple(upright, IntPtr.Zero, IntPtr.Zero).OrThrow("normalise the background");
            var binary = Leptonica.pixThresholdToBinary(flat, InkThreshold).OrThrow("binarise the image");
            var dpi = (int)Math.Round(sourceDpi * scale);
            Leptonica.pixSetResolution(binary, dpi, dpi);
            return new PreparedPage(binary, dpi);
        }
    }

    /// <summary>Scans well below the target are scaled up (OCR models want ~300 dpi); very fine ones down, to save time.</summary>
    private static double ScaleFactor(double sourceDpi, int targetDpi) =>
        sourceDpi < targetDpi * 0.85 || sourceDpi > targetDpi * 1.6 ? targetDpi / sourceDpi : 1.0;

    private static Pix Deskew(Pix grey, double maxDegrees) =>
        maxDegrees <= 0
            ? Leptonica.pixCopy(IntPtr.Zero, grey).OrThrow("copy the image")
            : Leptonica.pixDeskewGeneral(grey, 0, (float)maxDegrees, 0, 0, 0, out _, out _).OrThrow("deskew the image");
}
