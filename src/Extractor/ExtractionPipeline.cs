using Extractor.Forms;
using Extractor.Grid;
using Extractor.Mapping;
using Extractor.Output;
using Extractor.Readers;
using Extractor.Readers.Html;
using Extractor.Readers.Ocr;
using Extractor.Readers.Office;
using Extractor.Readers.Pdf;
using Extractor.Readers.Text;
using Extractor.Tables;
using Extractor.Validation;

namespace Extractor;

/// <summary>A form of another kind the file carried, and why it is not a document.</summary>
public sealed record SkippedForm(int Position, string Reason);

/// <summary>What one input became: its forms, and the other forms it carried that were skipped.</summary>
public sealed record FileExtraction(InputFile File, InputKind Kind, IReadOnlyList<EvaluationForm> Forms, IReadOnlyList<SkippedForm> Skipped);

/// <summary>
/// file → detect kind → reader → grid pages (scanned continuations in their previous page's columns) → form
/// segmenter → mapper → validator. Hosts (worker, command line) call this and write what it returns; none of them
/// holds extraction logic.
/// </summary>
public sealed class ExtractionPipeline : IFileExtractor, IDisposable
{
    private readonly IReadOnlyDictionary<InputKind, IDocumentReader> _readers;
    private readonly FormValidator _validator;
    private readonly OcrReaders? _ownedOcr;
    private readonly double _continuedColumnTolerance;

    /// <summary>
    /// Every reader, the PDF reader handing pages without a text layer to OCR. The OCR engines are pooled (one per
    /// reader thread, created when first needed): pass <paramref name="ocr"/> to share a pool, else the pipeline
    /// makes its own and releases it when disposed.
    /// </summary>
    public ExtractionPipeline(PipelineOptions options, OcrReaders? ocr = null)
    {
        if (ocr is null) ocr = _ownedOcr = OcrReaders.Create(options);
        _readers = new Dictionary<InputKind, IDocumentReader>
        {
            [InputKind.Text] = new TabTextReader(options.Limits),
            [InputKind.Html] = new HtmlTableReader(options.Limits),
            [InputKind.Pdf] = new PdfTextReader(ocr.Pages, limits: options.Limits),
            [InputKind.Image] = ocr.Images,
            [InputKind.Xlsx] = new SpreadsheetReader(options.Limits, biff: false),
            [InputKind.Xls] = new SpreadsheetReader(options.Limits, biff: true),
            [InputKind.Docx] = new WordTableReader(options.Limits),
        };
        _validator = FormValidator.Default(options.LowConfidenceThreshold);
        _continuedColumnTolerance = options.Ocr.Rulings.ContinuedColumnTolerance;
    }

    public void Dispose() => _ownedOcr?.Dispose();

    public bool ReadsInThisProcess => true;

    /// <summary>Reads every form of a file; throws <see cref="InputRejectedException"/> with the reason when it has none.</summary>
    public FileExtraction Extract(InputFile file, CancellationToken cancellationToken = default)
    {
        var kind = InputKindDetector.Detect(file);
        try
        {
            return Extract(file, kind, Read(file, kind, cancellationToken));
        }
        catch (InputRejectedException e) when (e.Reader is null)
        {
            throw new InputRejectedException(e.Reason, e) { Reader = kind.ToString() };
        }
    }

    /// <summary>The grid the reader recovered, before any form is made of it: what `extractor debug` draws.</summary>
    public (InputKind Kind, GridDocument Grid) ReadGrid(InputFile file, CancellationToken cancellationToken = default)
    {
        var kind = InputKindDetector.Detect(file);
        return (kind, Read(file, kind, cancellationToken));
    }

    private GridDocument Read(InputFile file, InputKind kind, CancellationToken cancellationToken)
    {
        if (!_readers.TryGetValue(kind, out var reader))
            throw new InputRejectedException($"{kind} files cannot be read by this build");
        var document = reader.Read(file, cancellationToken);
        return new GridDocument(ContinuedPageColumns.Align(document.Pages, _continuedColumnTolerance, text => FormTitle.Classify(text) is not null));
    }

    /// <summary>The forms of a grid already read (<see cref="ReadGrid"/>); throws <see cref="InputRejectedException"/> when it has none.</summary>
    public FileExtraction Extract(InputFile file, InputKind kind, GridDocument document)
    {
        var forms = new List<EvaluationForm>();
        var skipped = new List<SkippedForm>();
        var segments = FormSegmenter.Split(document);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Kind != FormKind.SelfEvaluation)
            {
                var reason = segment.SkipReason ?? "not a project self-evaluation";
                skipped.Add(new SkippedForm(i + 1, segment.Sheet is { } sheet ? $"sheet {sheet}: {reason}" : reason));
                continue;
            }
            var mapped = FormMapper.Map(segment);
            var form = mapped.Form;
            form.Source.File = file.Name;
            form.Source.Sha256 = file.Sha256;
            form.Source.FormIndex = forms.Count + 1;
            form.Source.Method = Method(document, segment);
            if (ReadMethod.IsOcr(form.Source.Method)) SignReadAsTwo.Repair(form);
            var pages = PagesOf(document, segment);
            form.Source.PageSizes = PageSizes(form.Source.Pages, pages);
            form.Source.Sheet = segment.Sheet;
            // After the source: some checks depend on how the form was read (OCR).
            _validator.Validate(mapped);
            forms.Add(form);
        }

        if (forms.Count == 0)
            throw new InputRejectedException(skipped.Count == 0
                ? "no 项目支出绩效自评表 (project self-evaluation form) was found in it"
                : $"no project self-evaluation form in it; skipped {string.Join("; ", skipped.Select(s => $"form {s.Position}: {s.Reason}"))}");
        return new FileExtraction(file, kind, forms, skipped);
    }

    /// <summary>The method of the form's pages: OCR as soon as one of its pages needed it.</summary>
    private static string Method(GridDocument document, FormSegment segment)
    {
        var methods = PagesOf(document, segment).Select(p => p.Method).Distinct().ToList();
        return methods.FirstOrDefault(ReadMethod.IsOcr) ?? methods.FirstOrDefault() ?? ReadMethod.Text;
    }

    private static List<GridPage> PagesOf(GridDocument document, FormSegment segment)
    {
        var pages = segment.Pages;
        return document.Pages.Where(p => p.Number is null || pages.Contains(p.Number.Value)).ToList();
    }

    /// <summary>Width and height of each of the form's pages, in the units of its trace's boxes; null without pages or sizes.</summary>
    private static List<double[]>? PageSizes(List<int>? numbers, List<GridPage> pages)
    {
        if (numbers is null) return null;
        var sizes = numbers.Select(n => pages.FirstOrDefault(p => p.Number == n)?.Size).ToList();
        return sizes.All(s => s is not null)
            ? sizes.Select(s => new[] { Math.Round(s!.Value.Width, 1), Math.Round(s.Value.Height, 1) }).ToList()
            : null;
    }
}
