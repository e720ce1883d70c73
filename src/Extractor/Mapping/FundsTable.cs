using Extractor.Grid;
using Extractor.Output;
using Extractor.Text;

namespace Extractor.Mapping;

/// <summary>
/// The 项目资金 table: a header naming the amount columns, then the total row and its sub-rows. Each row is
/// read under its header's columns at the shift where its cells are numbers (row labels span one or two
/// columns, and exports shift rows), and 万元 become yuan.
/// </summary>
internal static class FundsTable
{
    private const int MaxShift = 2;

    /// <summary>True for the header row of the funds table.</summary>
    public static bool IsHeader(GridRow row) =>
        RowText.Has(row, FormLabels.InitialBudget) || RowText.Has(row, FormLabels.AnnualBudget);

    public static void Read(GridRow header, IReadOnlyList<GridRow> body, Funds funds, ReadingLog log)
    {
        var initial = AmountColumn(header, FormLabels.InitialBudget, 0);
        var annual = AmountColumn(header, FormLabels.AnnualBudget, Math.Max(initial, 0));
        int[] columns =
        [
            initial,
            annual,
            AmountColumn(header, FormLabels.Executed, Math.Max(Math.Max(initial, annual), 0)),
            RowText.FindLabel(header, FormLabels.Weight),
            RowText.FindLabel(header, FormLabels.Rate, Label.StartsWith),
            RowText.FindLabel(header, FormLabels.Score),
        ];

        var labels = body.Prepend(header).SelectMany(r => r.FilledColumns().Where(c => IsAmountLabel(r.TextAt(c))).Select(c => (Row: r, Column: c))).ToList();
        var inTenThousands = labels.Any(l => Label.Key(l.Row.TextAt(l.Column)).Contains("万元"));
        funds.UnitAsPrinted = inTenThousands ? "万元" : "元";
        var multiplier = inTenThousands ? 10000m : 1m;
        // The unit leads back to the label that names it; 元 where none does, to the amounts' first label.
        var unit = labels.FirstOrDefault(l => Label.Key(l.Row.TextAt(l.Column)).Contains(funds.UnitAsPrinted), labels.FirstOrDefault((Row: header, Column: 0)));
        log.Add("funds.unitAsPrinted", unit.Row, unit.Column, unit.Row.TextAt(unit.Column), null);

        foreach (var row in body)
        {
            var (line, name, labelColumn) = Line(row, funds.Rows);
            if (line is null) continue;
            var shift = Shift(row, columns, labelColumn);
            line.InitialBudget = Amount(row, columns[0], shift, $"funds.rows.{name}.initialBudget", multiplier, log);
            line.AnnualBudget = Amount(row, columns[1], shift, $"funds.rows.{name}.annualBudget", multiplier, log);
            line.Executed = Amount(row, columns[2], shift, $"funds.rows.{name}.executed", multiplier, log);
            if (name != "total") continue;
            funds.Weight = Amount(row, columns[3], shift, "funds.weight", 1m, log);
            funds.ExecutionRatePercent = Amount(row, columns[4], shift, "funds.executionRatePercent", 1m, log);
            funds.Score = Amount(row, columns[5], shift, "funds.score", 1m, log);
        }
    }

    /// <summary>
    /// The column of an amount's label; or, where a scan's ruling search cut the label into pieces and the reader
    /// misread one (全年： | 丸 | 行数), the first of the cells right of <paramref name="after"/> whose texts, joined,
    /// are within one character of the label (at most <see cref="MaxPieces"/> cells).
    /// </summary>
    private static int AmountColumn(GridRow header, string[] labels, int after)
    {
        var found = RowText.FindLabel(header, labels, Label.StartsWith);
        if (found >= 0) return found;
        var cells = RowText.DistinctTexts(header, after + 1, header.Width - 1).ToList();
        for (var i = 0; i < cells.Count; i++)
        {
            var joined = "";
            for (var j = i; j < Math.Min(cells.Count, i + MaxPieces); j++)
            {
                joined += Label.Key(cells[j].Text);
                if (labels.Any(l => Label.Key(l).Length >= 4 && Label.Distance(joined, Label.Key(l)) <= 1)) return cells[i].Column;
            }
        }
        return -1;
    }

    /// <summary>A label cut by stray rulings is in at most this many pieces.</summary>
    private const int MaxPieces = 3;

    /// <summary>A label over the amounts (项目资金, 年初预算数, 执行数), which says their unit when it is 万元.</summary>
    private static bool IsAmountLabel(string? text) => Label.Contains(text, "项目资金", "预算数", "执行数");

    /// <summary>
    /// The shift that puts the most numbers and no words under the header's columns, right of the row's label.
    /// A merged cell is one value (<c>MergedCellOnce</c>): a shift that reads the same cell under two header
    /// columns (the 得分 cell spanning the last columns) is penalised, so it cannot outscore the unshifted row
    /// whose blank 年初预算数 is a blank in its own column.
    /// </summary>
    private static int Shift(GridRow row, int[] columns, int labelColumn)
    {
        var best = 0;
        var bestFit = double.MinValue;
        for (var shift = -MaxShift; shift <= MaxShift; shift++)
        {
            var fit = shift == 0 ? 0.5 : -0.25 * Math.Abs(shift);
            var read = new HashSet<Cell>(ReferenceEqualityComparer.Instance);
            foreach (var column in columns.Where(c => c >= 0).Select(c => c + shift))
            {
                if (column <= labelColumn) { fit -= 5; continue; }
                if (column < row.Width && row.Slots[column] is { } cell && !read.Add(cell)) { fit -= 1; continue; }
                var text = row.TextAt(column);
                fit += text is null ? 0
                    : NumberText.LooksNumeric(text) || NumberText.IsSpreadsheetError(text) ? 1
                    : NumberText.Read(text).Kind == NumberKind.Placeholder ? 0.5
                    : -3;
            }
            if (fit > bestFit) (best, bestFit) = (shift, fit);
        }
        return best;
    }

    private static decimal? Amount(GridRow row, int column, int shift, string field, decimal multiplier, ReadingLog log) =>
        column < 0 ? null : log.Number(field, row, column + shift, multiplier);

    /// <summary>Which funds line a row is, by its label; the sub-row labels are matched before the total's.</summary>
    private static (FundsLine? Line, string Name, int Column) Line(GridRow row, FundsRows rows)
    {
        foreach (var c in row.FilledColumns())
        {
            var text = row.TextAt(c);
            if (Label.Is(text, FormLabels.Appropriation) || Label.Contains(text, "财政拨款")) return (rows.CurrentYearAppropriation, "currentYearAppropriation", c);
            if (Label.Is(text, FormLabels.Carryover) || Label.Contains(text, "上年结转")) return (rows.PriorYearCarryover, "priorYearCarryover", c);
            if (Label.Is(text, FormLabels.OtherFunds) || Label.Contains(text, "其他资金")) return (rows.Other, "other", c);
            if (Label.Is(text, FormLabels.FundsTotal) || Label.Contains(text, "资金总额")) return (rows.Total, "total", c);
        }
        return (null, "", -1);
    }
}
