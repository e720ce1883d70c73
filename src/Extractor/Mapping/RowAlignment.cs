using Extractor.Grid;

namespace Extractor.Mapping;

/// <summary>
/// Text exports and poor PDFs shift an indicator row's cells left or right of its header. The right-hand end
/// of a row is typed — [deviation text?] [score] [weight] [actual] [target] [name] [level-2?] [level-1?] —
/// so the row is aligned by trying each shift and keeping the one whose cells best fit their types.
/// </summary>
internal static class RowAlignment
{
    private const int MaxShift = 3;

    /// <summary>
    /// The shift (added to header columns) at which the row reads as an indicator or total row, or null when
    /// no shift puts a number in the weight or score column (a continuation or label row).
    /// </summary>
    public static int? FindShift(GridRow row, IndicatorColumns columns, int previousShift, bool totalRow = false)
    {
        if (columns.Weight < 0 && columns.Score < 0) return null;
        int? best = null;
        var bestFit = double.MinValue;
        for (var shift = -MaxShift; shift <= MaxShift; shift++)
        {
            if (!ScoresReadable(row, columns, shift)) continue;
            var fit = Fit(row, columns, shift, totalRow) + (shift == 0 ? 1 : 0) + (shift == previousShift ? 0.5 : 0) - 0.5 * Math.Abs(shift);
            if (fit > bestFit) (best, bestFit) = (shift, fit);
        }
        return best;
    }

    /// <summary>At least one of weight and score reads as a number (or a spreadsheet error) at this shift.</summary>
    private static bool ScoresReadable(GridRow row, IndicatorColumns c, int shift) =>
        IsNumberLike(row, c.Weight, shift) || IsNumberLike(row, c.Score, shift);

    private static bool IsNumberLike(GridRow row, int column, int shift) =>
        column >= 0 && column + shift >= 0 && column + shift < row.Width
        && (NumberText.LooksNumeric(row.TextAt(column + shift)) || NumberText.IsSpreadsheetError(row.TextAt(column + shift)));

    private static double Fit(GridRow row, IndicatorColumns c, int shift, bool totalRow)
    {
        var fit = NumberFit(row, c.Weight, shift) + NumberFit(row, c.Score, shift);
        if (!totalRow)
        {
            var name = At(row, c.Name, shift);
            fit += name is null ? (shift == 0 ? 0 : -1)
                : IndicatorTaxonomy.IsHierarchyLabel(name) ? -3
                : NumberText.LooksNumeric(name) ? -2
                : 1;
        }
        if (NumberText.LooksNumeric(At(row, c.Deviation, shift))) fit -= 2;
        var last = c.Last + shift;
        fit -= 2 * RowText.DistinctTexts(row, last + 1, row.Width - 1).Count(t => !ReferenceEquals(row.Slots[t.Column], row.Slots[Math.Min(last, row.Width - 1)]));
        return fit;
    }

    private static double NumberFit(GridRow row, int column, int shift)
    {
        if (column < 0) return 0;
        var text = At(row, column, shift);
        if (text is null) return 0;
        if (NumberText.IsSpreadsheetError(text)) return 1;
        return NumberText.Read(text).Kind switch
        {
            NumberKind.Number => 3,
            NumberKind.OutOfRange => 1,
            NumberKind.Placeholder => 0.5,
            _ => -3,
        };
    }

    private static string? At(GridRow row, int column, int shift) => column < 0 ? null : row.TextAt(column + shift);
}
