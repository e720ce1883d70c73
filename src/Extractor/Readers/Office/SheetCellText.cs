using System.Globalization;
using Extractor.Text;
using NPOI.SS.UserModel;

namespace Extractor.Readers.Office;

/// <summary>
/// A cell's text as the spreadsheet displays it: a number through its number format (854500 with <c>#,##0.00</c>
/// is "854,500.00", 1 with <c>0.00%</c> is "100.00%", a date as its format writes it), a formula by the value the
/// file saved for it (never recomputed: the value the office saw), an error as Excel prints it ("#REF!", which
/// the mapper reads as unreadable), a line break in the cell as a paragraph. Blank is null.
/// </summary>
internal sealed class SheetCellText
{
    // Invariant: the formats of these forms are digits, separators and %, which Chinese Excel shows the same way.
    private readonly DataFormatter _formatter = new(CultureInfo.InvariantCulture);

    public string? Of(ICell cell)
    {
        var type = cell.CellType == CellType.Formula ? cell.CachedFormulaResultType : cell.CellType;
        var raw = type switch
        {
            CellType.Numeric => Number(cell),
            CellType.String => cell.StringCellValue,
            CellType.Boolean => cell.BooleanCellValue ? "TRUE" : "FALSE",
            CellType.Error => FormulaError.ForInt(cell.ErrorCellValue).String,
            _ => null,
        };
        return raw is null ? null : CjkText.JoinParagraphs(raw.Split('\n'));
    }

    /// <summary>A number (a formula's saved one too) through the cell's format; a date format writes it as a date.</summary>
    private string Number(ICell cell) =>
        _formatter.FormatRawCellContents(cell.NumericCellValue, cell.CellStyle.DataFormat, cell.CellStyle.GetDataFormatString());
}
