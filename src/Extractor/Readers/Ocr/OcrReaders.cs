namespace Extractor.Readers.Ocr;

/// <summary>The OCR readers of a pipeline, sharing one pool of engines.</summary>
public sealed class OcrReaders : IDisposable
{
    private OcrReaders(OcrEnginePool engines, OcrOptions options, InputLimits limits)
    {
        Engines = engines;
        Pages = new PdfPageOcr(engines, options);
        Images = new ImageReader(engines, options, limits);
    }

    public OcrEnginePool Engines { get; }

    /// <summary>For the PDF reader: pages without a text layer.</summary>
    public IPageOcr Pages { get; }

    /// <summary>PNG, JPEG and TIFF inputs.</summary>
    public IDocumentReader Images { get; }

    /// <summary>One engine per reader thread (Extractor:Ocr:Engines, else Extractor:Parallelism), created when first needed.</summary>
    public static OcrReaders Create(PipelineOptions options)
    {
        var ocr = options.Ocr;
        var size = ocr.Engines > 0 ? ocr.Engines : options.EffectiveParallelism;
        return new OcrReaders(new OcrEnginePool(ocr, options.BaseFolder, size), ocr, options.Limits);
    }

    public void Dispose() => Engines.Dispose();
}
