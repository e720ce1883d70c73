using Extractor.Forms;
using Extractor.Grid;
using Extractor.Output;

namespace Extractor.Mapping;

/// <summary>
/// Turns one form's rows into the canonical document. It finds the form's blocks by their header labels —
/// funds table, goals, indicator table, 总分 row — and hands each block to the heuristic that reads it.
/// Missing blocks leave their fields null; the validator says what is missing.
/// </summary>
public static class FormMapper
{
    public static MappedForm Map(FormSegment segment)
    {
        var rows = segment.Rows;
        var form = new EvaluationForm();
        var log = new ReadingLog();

        var fundsHeader = IndexOf(rows, 0, FundsTable.IsHeader);
        var goalsHeader = IndexOf(rows, Math.Max(fundsHeader, 0), GoalsBlock.IsHeader);
        var indicatorHeader = IndexOf(rows, Math.Max(Math.Max(goalsHeader, fundsHeader), 0), IndicatorColumns.IsHeader);
        var total = IndexOf(rows, Math.Max(indicatorHeader, 0), IndicatorTable.IsTotalRow);

        var headerEnd = new[] { fundsHeader, goalsHeader, indicatorHeader, total }.Where(i => i >= 0).DefaultIfEmpty(rows.Count).Min();
        HeaderFields.Read(Slice(rows, 0, headerEnd), form, log);

        if (fundsHeader >= 0)
        {
            var fundsEnd = FirstOf(rows.Count, goalsHeader, indicatorHeader, total);
            FundsTable.Read(rows[fundsHeader], Slice(rows, fundsHeader + 1, fundsEnd), form.Funds, log);
        }
        if (goalsHeader >= 0)
            GoalsBlock.Read(rows[goalsHeader], Slice(rows, goalsHeader + 1, FirstOf(rows.Count, indicatorHeader, total)), form.Goals, log);

        if (indicatorHeader >= 0)
        {
            // The header's second row is the next printed one: a page break (a blank line of a text export) may fall between them.
            var columns = IndicatorColumns.From(rows[indicatorHeader], rows.Skip(indicatorHeader + 1).FirstOrDefault(r => !r.IsEmpty));
            var indicators = IndicatorTable.Read(Slice(rows, indicatorHeader + 1, total >= 0 ? total : rows.Count), columns, log);
            MergedLabelFill.Apply(indicators, log);
            form.Indicators = indicators.Select(i => i.Value).ToList();
            if (total >= 0) IndicatorTable.ReadTotal(rows[total], columns, form, log);
        }

        form.Source.Pages = segment.Pages.Count > 0 ? segment.Pages.ToList() : null;
        form.Trace = FieldTrace.Of(form, log.Readings);
        return new MappedForm(form, log.Readings);
    }

    private static int IndexOf(IReadOnlyList<GridRow> rows, int from, Func<GridRow, bool> predicate)
    {
        for (var i = from; i < rows.Count; i++)
            if (predicate(rows[i])) return i;
        return -1;
    }

    private static int FirstOf(int fallback, params int[] indexes) => indexes.Where(i => i >= 0).DefaultIfEmpty(fallback).Min();

    private static List<GridRow> Slice(IReadOnlyList<GridRow> rows, int from, int to) =>
        rows.Skip(from).Take(Math.Max(0, to - from)).ToList();
}
