using Extractor.Readers.Ocr.Paddle;

namespace Extractor.Readers.Ocr;

/// <summary>
/// The recognisers of one reader thread, each initialised once: PP-OCRv4 (unless Extractor:Ocr:Engine is
/// Tesseract) and Tesseract, which reads alone or checks the lines PP-OCR is unsure of. Not thread-safe: the
/// pool lends it to one reader at a time.
/// </summary>
internal sealed class OcrEngine : IDisposable
{
    public OcrEngine(OcrOptions options, string baseFolder)
    {
        Tesseract = new TesseractReader(options, options.SettingsPath(baseFolder));
        try
        {
            Paddle = options.Engine == RecognitionEngine.PaddleOcr ? new PaddleRecognizer(options.ModelsPath(baseFolder), options.Batching) : null;
        }
        catch
        {
            Tesseract.Dispose();
            throw;
        }
    }

    public TesseractReader Tesseract { get; }

    /// <summary>PP-OCR's recogniser; null when Tesseract reads alone.</summary>
    public PaddleRecognizer? Paddle { get; }

    public void Dispose()
    {
        Tesseract.Dispose();
        Paddle?.Dispose();
    }
}
