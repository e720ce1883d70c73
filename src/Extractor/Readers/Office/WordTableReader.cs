using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Extractor.Grid;
using Extractor.Text;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WordCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace Extractor.Readers.Office;

/// <summary>
/// Word documents (.docx) read with the Open XML SDK: every table of the body is a page of the grid at its own
/// rows and columns (a cell's <c>gridSpan</c> spans columns, a <c>vMerge</c> run spans rows, <c>gridBefore</c>
/// shifts a row's first cell), each paragraph of a cell a line of its text; the paragraphs between tables (a
/// report's title "项目支出绩效自评表" is often one, above its table) are a page of their own, one row each, so a
/// title printed outside the table still starts the form.
/// </summary>
public sealed class WordTableReader(InputLimits limits) : IDocumentReader
{
    public GridDocument Read(InputFile file, CancellationToken cancellationToken)
    {
        PackageBound.Check(file.Bytes, limits);
        using var document = Open(file);
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new InputRejectedException("the Word document has no body (damaged)");
        var pages = new List<GridPage>();
        var paragraphs = new List<Cell>();
        foreach (var element in body.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (element is Paragraph paragraph && Text(paragraph) is { } line)
                paragraphs.Add(new Cell(paragraphs.Count, 0, line));
            else if (element is WordTable table)
            {
                if (paragraphs.Count > 0) pages.Add(new GridPage(null, ReadMethod.Docx, paragraphs));
                paragraphs = [];
                pages.Add(new GridPage(null, ReadMethod.Docx, Cells(table)));
            }
        }
        return new GridDocument(pages);
    }

    private static WordprocessingDocument Open(InputFile file)
    {
        try
        {
            return WordprocessingDocument.Open(new MemoryStream(file.Bytes, writable: false), false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or FileFormatException)
        {
            throw new InputRejectedException($"the Word document is damaged or truncated and cannot be read ({e.Message})", e);
        }
    }

    private static List<Cell> Cells(WordTable table)
    {
        var cells = new List<Cell>();
        // The cell a vertical merge started, by grid column: later rows' continuing cells lengthen its span.
        var open = new Dictionary<int, int>();
        var r = 0;
        foreach (var row in table.Elements<TableRow>())
        {
            var column = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            foreach (var cell in CellsOf(row))
            {
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                var merge = cell.TableCellProperties?.VerticalMerge;
                if (merge is not null && merge.Val?.Value != MergedCellValues.Restart && open.TryGetValue(column, out var origin))
                    cells[origin] = cells[origin] with { RowSpan = r - cells[origin].Row + 1 };
                else
                {
                    if (merge is not null) open[column] = cells.Count;
                    else open.Remove(column);
                    cells.Add(new Cell(r, column, Text(cell)) { ColumnSpan = span });
                }
                column += span;
            }
            r++;
        }
        return cells;
    }

    /// <summary>A row's cells, those inside content controls too; a nested table's cells stay inside their own cell's text.</summary>
    private static IEnumerable<WordCell> CellsOf(TableRow row) =>
        row.ChildElements.SelectMany(e => e switch
        {
            WordCell cell => [cell],
            SdtCell sdt => sdt.SdtContentCell?.Elements<WordCell>() ?? [],
            _ => Enumerable.Empty<WordCell>(),
        });

    /// <summary>The cell's paragraphs, one line each, under the text rules; null when blank.</summary>
    private static string? Text(WordCell cell) =>
        CjkText.JoinParagraphs(cell.Descendants<Paragraph>().Select(p => Text(p)));

    /// <summary>A paragraph's visible text: its runs' text, tabs and breaks as spaces, deleted revisions left out.</summary>
    private static string? Text(Paragraph paragraph)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in paragraph.Descendants())
        {
            if (part.Ancestors<DeletedRun>().Any()) continue;
            switch (part)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t: text.Append(t.Text); break;
                case TabChar or Break or CarriageReturn: text.Append(' '); break;
            }
        }
        return CjkText.CleanLine(text.ToString());
    }
}
