namespace Extractor.Readers.Ocr.Paddle;

/// <summary>
/// How PP-OCR's text lines are batched into model runs ("Extractor:Ocr:Batching" in pipeline.json). Widths are in
/// pixels of the model's input, whose height is 48 px (<see cref="PaddleRecognizer.InputHeight"/>).
/// </summary>
public sealed class LineBatching
{
    /// <summary>The model's time step, in input pixels: a bucket width is a multiple of it.</summary>
    public const int TimeStep = 8;

    /// <summary>
    /// Lines are batched by width rounded up to a multiple of this: a run is padded to its bucket's width (at least
    /// <see cref="MinWidth"/>), not to the widest line of the page. A multiple of <see cref="TimeStep"/>. Default 32.
    /// </summary>
    public int BucketWidth { get; set; } = 32;

    /// <summary>
    /// Narrower lines are padded to this width (PaddleOCR's rec_image_shape 3×48×320): the model was trained so, and
    /// reads a narrow line padded less otherwise ("═100%" as "-100%", a space inside "项目资金（万元）"). Default 320.
    /// </summary>
    public int MinWidth { get; set; } = 320;

    /// <summary>
    /// The widths of one run's lines add up to at most this (a single wider line runs alone): it bounds the run's
    /// memory, its output being 6,625 probabilities per time step of every line. Default 2,560.
    /// </summary>
    public int RunPixels { get; set; } = 2560;

    public IEnumerable<string> Validate()
    {
        const string at = "Extractor:Ocr:Batching:";
        if (BucketWidth <= 0 || BucketWidth % TimeStep != 0) yield return at + $"BucketWidth must be a positive multiple of {TimeStep} (pixels)";
        if (MinWidth < TimeStep || MinWidth > PaddleRecognizer.MaxInputWidth) yield return at + $"MinWidth must be between {TimeStep} and {PaddleRecognizer.MaxInputWidth} (pixels)";
        if (RunPixels < MinWidth) yield return at + "RunPixels must be at least MinWidth (pixels)";
    }
}
