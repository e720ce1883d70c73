using Extractor.Grid;
using Extractor.Readers;
using UglyToad.PdfPig;

namespace Extractor.Tests.Readers;

/// <summary>
/// Scanned PDFs for the OCR tests while the PDF reader lives on its own branch: every page opened with
/// PdfPig and handed to the page OCR, as the PDF reader does with pages that have no text layer.
/// </summary>
internal sealed class ScannedPdf(IPageOcr ocr) : IDocumentReader
{
    public GridDocument Read(InputFile file, CancellationToken cancellationToken)
    {
        using var document = PdfDocument.Open(file.Bytes);
        return new GridDocument(document.GetPages().Select(page => ocr.Read(file, page, cancellationToken)).ToList());
    }

    /// <summary>The default readers, with this one for PDFs where the build has no PDF reader yet.</summary>
    public static Dictionary<InputKind, IDocumentReader> WithDefaults(PipelineOptions options, IPageOcr ocr)
    {
        var readers = ExtractionPipeline.DefaultReaders(options);
        readers.TryAdd(InputKind.Pdf, new ScannedPdf(ocr));
        return readers;
    }
}
