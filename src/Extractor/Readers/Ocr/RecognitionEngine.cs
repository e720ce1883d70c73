namespace Extractor.Readers.Ocr;

/// <summary>The engine that reads the text lines of a scan ("Extractor:Ocr:Engine" in pipeline.json).</summary>
public enum RecognitionEngine
{
    /// <summary>PP-OCRv4 recognition through ONNX Runtime; Tesseract reads again the lines it is unsure of.</summary>
    PaddleOcr,

    /// <summary>Tesseract alone, as before PP-OCR (chi_sim, the number model, the Han model for unsure lines).</summary>
    Tesseract,
}
