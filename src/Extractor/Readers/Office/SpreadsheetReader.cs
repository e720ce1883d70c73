using Extractor.Grid;
using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;
using NPOI.SS.Util;
using NPOI.XSSF.UserModel;

namespace Extractor.Readers.Office;

/// <summary>
/// Workbooks read from their cells with NPOI: .xls (BIFF8, as Excel and WPS write it) through HSSF, .xlsx and .xlsm
/// through XSSF, both behind NPOI's one cell model, so the two formats give the same grid. Each visible sheet is a
/// page of the grid at the sheet's own coordinates (row 1 is the sheet's row 1, the cell knows its "C6"), merged
/// regions as spans, every cell's text as Excel displays it (<see cref="SheetCellText"/>). Hidden sheets, rows and
/// columns are left out, as a print leaves them out: they hold old copies, helper values and notes, not the form.
/// </summary>
public sealed class SpreadsheetReader(InputLimits limits, bool biff) : IDocumentReader
{
    public GridDocument Read(InputFile file, CancellationToken cancellationToken)
    {
        if (!biff) PackageBound.Check(file.Bytes, limits);
        var workbook = Open(file);
        var text = new SheetCellText();
        var pages = new List<GridPage>();
        for (var i = 0; i < workbook.NumberOfSheets; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (workbook.IsSheetHidden(i) || workbook.IsSheetVeryHidden(i)) continue;
            var sheet = workbook.GetSheetAt(i);
            pages.Add(new GridPage(null, biff ? ReadMethod.Xls : ReadMethod.Xlsx, Cells(sheet, text)) { Sheet = sheet.SheetName });
        }
        return new GridDocument(pages);
    }

    private IWorkbook Open(InputFile file)
    {
        try
        {
            var stream = new MemoryStream(file.Bytes, writable: false);
            return biff ? new HSSFWorkbook(stream) : new XSSFWorkbook(stream);
        }
        catch (Exception e) when (e is not (InputRejectedException or OperationCanceledException or OutOfMemoryException))
        {
            throw new InputRejectedException(e.GetType().Name.Contains("Encrypted", StringComparison.Ordinal)
                ? "the workbook is password-protected (encrypted): save it without a password to have it read"
                : $"the workbook is damaged or truncated and cannot be read ({e.Message})", e);
        }
    }

    private List<Cell> Cells(ISheet sheet, SheetCellText text)
    {
        limits.CheckSheet(sheet.SheetName, sheet.LastRowNum + 1L, sheet.PhysicalNumberOfRows);
        var spans = new Dictionary<(int Row, int Column), CellRangeAddress>();
        var covered = new HashSet<(int Row, int Column)>();
        for (var m = 0; m < sheet.NumMergedRegions; m++)
        {
            var region = sheet.GetMergedRegion(m);
            limits.CheckSheet(sheet.SheetName, region.LastRow + 1L, (long)region.NumberOfCells);
            spans[(region.FirstRow, region.FirstColumn)] = region;
            for (var r = region.FirstRow; r <= region.LastRow; r++)
                for (var c = region.FirstColumn; c <= region.LastColumn; c++)
                    if (r != region.FirstRow || c != region.FirstColumn) covered.Add((r, c));
        }

        var cells = new List<Cell>();
        var seen = new HashSet<(int Row, int Column)>();
        for (var r = sheet.FirstRowNum; r <= sheet.LastRowNum; r++)
        {
            if (sheet.GetRow(r) is not { ZeroHeight: false } row) continue;
            foreach (var cell in row.Cells)
            {
                var position = (r, cell.ColumnIndex);
                if (covered.Contains(position) || sheet.IsColumnHidden(cell.ColumnIndex)) continue;
                seen.Add(position);
                cells.Add(Spanned(new Cell(r, cell.ColumnIndex, text.Of(cell)), spans));
            }
        }
        // A merged region whose first cell was never written still spans its positions (a blank merged label).
        foreach (var (position, region) in spans)
            if (!seen.Contains(position) && sheet.GetRow(position.Row) is not { ZeroHeight: true } && !sheet.IsColumnHidden(position.Column))
                cells.Add(Spanned(new Cell(position.Row, position.Column, null), spans));

        var rows = cells.Count == 0 ? 0 : cells.Max(c => (long)c.Row + c.RowSpan);
        var width = cells.Count == 0 ? 0 : cells.Max(c => (long)c.Column + c.ColumnSpan);
        limits.CheckSheet(sheet.SheetName, rows, rows * width);
        return cells;
    }

    private static Cell Spanned(Cell cell, Dictionary<(int Row, int Column), CellRangeAddress> spans)
    {
        var address = new CellReference(cell.Row, cell.Column).FormatAsString();
        return spans.TryGetValue((cell.Row, cell.Column), out var region)
            ? cell with { RowSpan = region.LastRow - region.FirstRow + 1, ColumnSpan = region.LastColumn - region.FirstColumn + 1, Address = address }
            : cell with { Address = address };
    }
}
