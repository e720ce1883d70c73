using Extractor.Grid;
using Extractor.Output;
using Extractor.Text;

namespace Extractor.Mapping;

/// <summary>
/// 年度总体目标: a header naming the planned (预算目标/预期目标) and achieved (实际完成情况) columns, then the texts.
/// Each text goes to the column it sits nearest; text continued after a page break (a later row) is appended
/// to what it continues, in order: the first continued text to the planned goal, the second to the achieved.
/// </summary>
internal static class GoalsBlock
{
    public static bool IsHeader(GridRow row) => RowText.Has(row, FormLabels.Planned) && RowText.Has(row, FormLabels.Achieved);

    public static void Read(GridRow header, IReadOnlyList<GridRow> body, Goals goals, ReadingLog log)
    {
        var planned = RowText.FindLabel(header, FormLabels.Planned);
        var achieved = RowText.FindLabel(header, FormLabels.Achieved);
        foreach (var row in body)
        {
            var texts = RowText.DistinctTexts(row, 0, row.Width - 1)
                .Where(t => !Label.Is(t.Text, FormLabels.Goals) && !Label.Is(t.Text, FormLabels.Planned) && !Label.Is(t.Text, FormLabels.Achieved))
                .ToList();
            var sides = texts.Select(t => Math.Abs(t.Column - planned) <= Math.Abs(t.Column - achieved)).ToList();
            if (texts.Count == 2 && sides[0] == sides[1]) sides = [true, false];
            for (var i = 0; i < texts.Count; i++)
            {
                var (column, text) = texts[i];
                if (sides[i])
                {
                    log.Add("goals.planned", row, column, text, null);
                    goals.Planned = CjkText.Continue(goals.Planned, text);
                }
                else
                {
                    log.Add("goals.achieved", row, column, text, null);
                    goals.Achieved = CjkText.Continue(goals.Achieved, text);
                }
            }
        }
    }
}
