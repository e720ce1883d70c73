using Extractor.Readers.Ocr.Native;

namespace Extractor.Readers.Ocr;

/// <summary>
/// A page image ready to read, upright and at the target resolution: binary (for the grid search and Tesseract)
/// and grey with white paper (for PP-OCR, which reads the strokes' shading); with the way back to the source's pixels.
/// </summary>
internal sealed class PreparedPage(Pix binary, Pix grey, int dpi, PreparationWarp warp) : IDisposable
{
    public Pix Binary { get; } = binary;
    public Pix Grey { get; } = grey;
    public int Dpi { get; } = dpi;
    public PreparationWarp Warp { get; } = warp;
    public int Width => Binary.Width;
    public int Height => Binary.Height;

    public void Dispose()
    {
        Binary.Dispose();
        Grey.Dispose();
    }
}

/// <summary>
/// Leptonica's image preparation: grey (a colour scan's red channel), scaled to the target resolution (low-resolution scans up),
/// deskewed within the configured angle, background flattened; then binarised, straightened where its table's frame
/// is no rectangle (<see cref="TableFrame"/>: a photo's perspective), and kept grey with the paper stretched to white.
/// </summary>
internal static class ScanPreparation
{
    /// <summary>The grey level background normalisation maps paper to (leptonica's default).</summary>
    private const int PaperLevel = 200;

    /// <summary>Binarisation level after background normalisation.</summary>
    private const int InkThreshold = 140;

    /// <summary>
    /// The page ready to read. Each step's image is released as soon as the next is made, the source too (a page of
    /// A3 at 300 dpi is 17 MB at every step): what stays is the binary page and the grey one.
    /// </summary>
    public static PreparedPage Prepare(Pix source, double sourceDpi, OcrOptions options)
    {
        var scale = ScaleFactor(sourceDpi, options.TargetDpi);
        var (sourceWidth, sourceHeight) = (source.Width, source.Height);
        var image = Step(source, Grey(source));
        if (scale != 1.0) image = Step(image, Leptonica.pixScaleGrayLI(image, (float)scale, (float)scale).OrThrow("scale the image"));
        var deskewed = Deskew(image, options.MaxDeskewDegrees, out var degrees);
        var warp = new PreparationWarp((sourceWidth, sourceHeight), (image.Width, image.Height), degrees);
        image = Step(image, deskewed);
        var flat = Step(image, Leptonica.pixBackgroundNormSimple(image, IntPtr.Zero, IntPtr.Zero).OrThrow("normalise the background"));
        var binary = Leptonica.pixThresholdToBinary(flat, InkThreshold).OrThrow("binarise the image");
        var dpi = (int)Math.Round(sourceDpi * scale);
        if (TableFrame.Find(binary) is { } frame && frame.Distortion > options.StraightenAbove * dpi / 72.0)
        {
            flat = Step(flat, Leptonica.Projective(flat, frame.Points, frame.Rectangle));
            warp.Straightened(frame.Points, frame.Rectangle);
            binary = Step(binary, Leptonica.pixThresholdToBinary(flat, InkThreshold).OrThrow("binarise the image"));
        }
        TableFrame.ClearDesk(binary);
        using var grey = flat;
        var white = Leptonica.pixGammaTRC(IntPtr.Zero, grey, 1.0f, 0, PaperLevel).OrThrow("whiten the paper");
        Leptonica.pixSetResolution(binary, dpi, dpi);
        return new PreparedPage(binary, white, dpi, warp);
    }

    /// <summary>The next image of the preparation; the one it was made from is released.</summary>
    private static Pix Step(Pix from, Pix next)
    {
        from.Dispose();
        return next;
    }

    /// <summary>
    /// A colour scan is read from its red channel: a red seal stamped over cells (the usual 公章) is then as light as
    /// the paper, while black and blue print stay dark. Grey and bilevel scans are taken as they are.
    /// </summary>
    private static Pix Grey(Pix source) =>
        source.Depth == 32
            ? Leptonica.pixGetRGBComponent(source, Leptonica.ColorRed).OrThrow("take the red channel")
            : Leptonica.pixConvertTo8(source, 0).OrThrow("convert the image to grey");

    /// <summary>Scans well below the target are scaled up (OCR models want ~300 dpi); very fine ones down, to save time.</summary>
    private static double ScaleFactor(double sourceDpi, int targetDpi) =>
        sourceDpi < targetDpi * 0.85 || sourceDpi > targetDpi * 1.6 ? targetDpi / sourceDpi : 1.0;

    /// <summary>
    /// Leptonica's deskew turns a page only by at least this angle (degrees) found with at least this confidence (its
    /// MinDeskewAngle and MinAllowedConfidence), repeated here to know whether it turned the page.
    /// </summary>
    private const double LeptonicaMinDeskewDegrees = 0.1, LeptonicaMinDeskewConfidence = 3.0;

    /// <summary>The image deskewed, and the angle it was turned by (clockwise, degrees; 0 when leptonica left it).</summary>
    private static Pix Deskew(Pix grey, double maxDegrees, out double degrees)
    {
        degrees = 0;
        if (maxDegrees <= 0) return Leptonica.pixCopy(IntPtr.Zero, grey).OrThrow("copy the image");
        var deskewed = Leptonica.pixDeskewGeneral(grey, 0, (float)maxDegrees, 0, 0, 0, out var angle, out var confidence).OrThrow("deskew the image");
        if (Math.Abs(angle) >= LeptonicaMinDeskewDegrees && confidence >= LeptonicaMinDeskewConfidence) degrees = angle;
        return deskewed;
    }
}
