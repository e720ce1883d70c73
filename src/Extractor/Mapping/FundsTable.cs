using Extractor.Grid;
using Extractor.Output;
using Extractor.Text;

namespace Extractor.Mapping;

/// <summary>
/// The 项目资金 table: a header naming the amount columns, then the total row and its sub-rows. Values are read
/// under their header's column, shifted by as much as the row's own label is shifted, and 万元 become yuan.
/// </summary>
internal static class FundsTable
{
    private sealed record Columns(int Initial, int Annual, int Executed, int Weight, int Rate, int Score)
    {
        public int First => new[] { Initial, Annual, Executed }.Where(c => c >= 0).DefaultIfEmpty(-1).Min();
    }

    /// <summary>True for the header row of the funds table.</summary>
    public static bool IsHeader(GridRow row) =>
        RowText.Has(row, FormLabels.InitialBudget) || RowText.Has(row, FormLabels.AnnualBudget);

    public static void Read(IReadOnlyList<GridRow> header, IReadOnlyList<GridRow> body, Funds funds, ReadingLog log)
    {
        var headerRow = header[0];
        var columns = new Columns(
            RowText.FindLabel(headerRow, FormLabels.InitialBudget, Label.StartsWith),
            RowText.FindLabel(headerRow, FormLabels.AnnualBudget, Label.StartsWith),
            RowText.FindLabel(headerRow, FormLabels.Executed, Label.StartsWith),
            RowText.FindLabel(headerRow, FormLabels.Weight),
            RowText.FindLabel(headerRow, FormLabels.Rate, Label.StartsWith),
            RowText.FindLabel(headerRow, FormLabels.Score));

        var inTenThousands = header.Concat(body).Any(r => r.FilledColumns().Any(c => Label.Key(r.TextAt(c)).Contains("万元") && Label.Contains(r.TextAt(c), "项目资金", "预算数", "执行数")));
        funds.UnitAsPrinted = inTenThousands ? "万元" : "元";
        var multiplier = inTenThousands ? 10000m : 1m;

        foreach (var row in body)
        {
            var (line, name, labelColumn) = Line(row, funds.Rows);
            if (line is null) continue;
            var shift = columns.First < 0 ? 0 : labelColumn + 1 - columns.First;
            line.InitialBudget = Amount(row, columns.Initial, shift, $"funds.rows.{name}.initialBudget", multiplier, log);
            line.AnnualBudget = Amount(row, columns.Annual, shift, $"funds.rows.{name}.annualBudget", multiplier, log);
            line.Executed = Amount(row, columns.Executed, shift, $"funds.rows.{name}.executed", multiplier, log);
            if (name != "total") continue;
            funds.Weight = Amount(row, columns.Weight, shift, "funds.weight", 1m, log);
            funds.ExecutionRatePercent = Amount(row, columns.Rate, shift, "funds.executionRatePercent", 1m, log);
            funds.Score = Amount(row, columns.Score, shift, "funds.score", 1m, log);
        }
    }

    private static decimal? Amount(GridRow row, int column, int shift, string field, decimal multiplier, ReadingLog log) =>
        column < 0 ? null : log.Number(field, row, column + shift, multiplier);

    /// <summary>Which funds line a row is, by its label; the sub-row label is matched before the total's 合计.</summary>
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
