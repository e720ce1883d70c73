using Extractor.Grid;
using UglyToad.PdfPig.Content;

namespace Extractor.Readers;

/// <summary>
/// Reads a PDF page that has no text layer (a scan) by OCR. The PDF reader hands such pages on to it
/// rather than returning them empty; the OCR reader owns the page image and the grid it finds in it.
/// </summary>
public interface IPageOcr
{
    GridPage Read(InputFile file, Page page, CancellationToken cancellationToken);
}
