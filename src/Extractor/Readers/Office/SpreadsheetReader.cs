using Extractor.Grid;
using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;
using NPOI.SS.Util;
using NPOI.XSSF.UserModel;

namespace Extractor.Readers.Office;

/// <summary>
/// Workbooks read from their cells with NPOI: .xls (BIFF8, as Excel and WPS write it) through HSSF, .xlsx and .xlsm
/// through XSSF, both behind NPOI's one cell model, so the two formats give the same grid. Each visible sheet is a
/// page of the grid at the sheet's own coordinates (row 1 is the sheet's row 1, each cell knows its "C6"), merged
/// regions as spans, every cell's text as Excel displays it (<see cref="SheetCellText"/>). Hidden sheets, rows and
/// columns are left out, as a print leaves them out (they hold old copies, helper values and notes, not the form),
/// and the grid closes up over them, so a hidden row inside a merged block leaves no gap in the form's table.
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
        var what = $"the sheet {sheet.SheetName}";
        limits.CheckSheet(what, sheet.LastRowNum + 1L, sheet.PhysicalNumberOfRows);
        var regions = new Dictionary<(int Row, int Column), CellRangeAddress>();
        var covered = new HashSet<(int Row, int Column)>();
        for (var m = 0; m < sheet.NumMergedRegions; m++)
        {
            var region = sheet.GetMergedRegion(m);
            limits.CheckSheet(what, region.LastRow + 1L, (long)region.NumberOfCells);
            regions[(region.FirstRow, region.FirstColumn)] = region;
            for (var r = region.FirstRow; r <= region.LastRow; r++)
                for (var c = region.FirstColumn; c <= region.LastColumn; c++)
                    if (r != region.FirstRow || c != region.FirstColumn) covered.Add((r, c));
        }

        var written = new List<(int Row, int Column, string? Text)>();
        for (var r = sheet.FirstRowNum; r <= sheet.LastRowNum; r++)
            if (sheet.GetRow(r) is { } row)
                foreach (var cell in row.Cells)
                    if (!covered.Contains((r, cell.ColumnIndex))) written.Add((r, cell.ColumnIndex, text.Of(cell)));
        // A merged region whose first cell was never written still spans its positions (a blank merged label).
        var origins = written.Select(w => (w.Row, w.Column)).ToHashSet();
        written.AddRange(regions.Keys.Where(p => !origins.Contains(p)).Select(p => (p.Row, p.Column, (string?)null)));

        var lastColumn = Math.Max(written.Select(w => w.Column).DefaultIfEmpty(0).Max(), regions.Values.Select(g => g.LastColumn).DefaultIfEmpty(0).Max());
        var visible = new VisibleLines(
            Enumerable.Range(sheet.FirstRowNum, Math.Max(0, sheet.LastRowNum - sheet.FirstRowNum + 1)).Where(r => sheet.GetRow(r) is { ZeroHeight: true }),
            Enumerable.Range(0, lastColumn + 1).Where(sheet.IsColumnHidden));
        var cells = new List<Cell>();
        foreach (var (row, column, value) in written)
        {
            if (visible.IsHiddenRow(row) || visible.IsHiddenColumn(column)) continue;
            var cell = new Cell(visible.Row(row), visible.Column(column), value) { Address = new CellReference(row, column).FormatAsString() };
            if (regions.TryGetValue((row, column), out var region))
                cell = cell with { RowSpan = visible.Rows(region.FirstRow, region.LastRow), ColumnSpan = visible.Columns(region.FirstColumn, region.LastColumn) };
            cells.Add(cell);
        }

        var rows = cells.Count == 0 ? 0 : cells.Max(c => (long)c.Row + c.RowSpan);
        var width = cells.Count == 0 ? 0 : cells.Max(c => (long)c.Column + c.ColumnSpan);
        limits.CheckSheet(what, rows, rows * width);
        return cells;
    }
}
