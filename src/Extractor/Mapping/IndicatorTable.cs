using System.Text.RegularExpressions;
using Extractor.Grid;
using Extractor.Output;
using Extractor.Text;

namespace Extractor.Mapping;

/// <summary>An indicator as printed, before merged labels are filled in.</summary>
internal sealed class IndicatorRow
{
    public Indicator Value { get; } = new();

    /// <summary>A row such as 绩效目标合理性 whose label spans the level columns: it has no level-1 or level-2.</summary>
    public bool OutsideHierarchy { get; set; }

    /// <summary>The shift its cells were read at, which its continuation rows share.</summary>
    public int Shift { get; init; }
}

/// <summary>
/// The rows of the indicator table between its header and the 总分 row: indicator rows, rows continuing the
/// text of the one above (a wrapped deviation, a page break), and repeated headers on a new page.
/// </summary>
internal static partial class IndicatorTable
{
    public static List<IndicatorRow> Read(IReadOnlyList<GridRow> body, IndicatorColumns columns, ReadingLog log)
    {
        var rows = new List<IndicatorRow>();
        var shift = 0;
        GridRow? last = null;
        foreach (var row in body)
        {
            if (row.IsEmpty || IndicatorColumns.IsHeader(row) || IndicatorColumns.IsSplitTargetRow(row)) continue;
            if (RowAlignment.FindShift(row, columns, shift) is { } found)
            {
                shift = found;
                rows.Add(ReadRow(row, columns, shift, rows.Count, log));
            }
            else if (last is not null && rows.Count > 0 && LostItsScores(row, last, columns, shift))
            {
                rows.Add(ReadRow(row, columns, shift, rows.Count, log));
            }
            else if (rows.Count > 0)
            {
                Continue(rows[^1], row, columns, rows.Count - 1, log);
            }
            last = row;
        }
        return rows;
    }

    /// <summary>
    /// A row without scores that is still an indicator of its own: its name and a target or actual value in cells
    /// that start on it, below a row on the same page (a cell a page break cut carries on in the next page's first
    /// row). A scan's faint weight and score lost to the reader are not a reason to run two indicators together.
    /// </summary>
    private static bool LostItsScores(GridRow row, GridRow above, IndicatorColumns c, int shift)
    {
        if (row.Page != above.Page) return false;
        // TextAt is null off the row; a column the header lacks (-1) is no cell of the row at any shift.
        bool Own(int column) => column >= 0 && row.TextAt(column + shift) is not null && row.IsOrigin(column + shift);
        return Own(c.Name) && !IndicatorTaxonomy.IsHierarchyLabel(row.TextAt(c.Name + shift))
            && (Own(c.Actual) || c.Target.Any(Own));
    }

    /// <summary>The 总分 row, read at the shift that puts numbers under 分值 and 得分.</summary>
    public static bool IsTotalRow(GridRow row) =>
        row.FilledColumns().Any(c => Label.Is(row.TextAt(c), FormLabels.Total) || Label.StartsWith(row.TextAt(c), "总分"));

    public static void ReadTotal(GridRow row, IndicatorColumns columns, EvaluationForm form, ReadingLog log)
    {
        if (RowAlignment.FindShift(row, columns, 0, totalRow: true) is not { } shift) return;
        form.TotalWeight = columns.Weight < 0 ? null : log.Number("totalWeight", row, columns.Weight + shift);
        form.TotalScore = columns.Score < 0 ? null : log.Number("totalScore", row, columns.Score + shift);
    }

    private static IndicatorRow ReadRow(GridRow row, IndicatorColumns c, int shift, int index, ReadingLog log)
    {
        var path = $"indicators[{index}]";
        var result = new IndicatorRow { Shift = shift };
        var indicator = result.Value;
        indicator.Target = TargetText(row, c, shift, path, log);
        indicator.Actual = c.Actual < 0 ? null : log.Text($"{path}.actual", row, c.Actual + shift);
        indicator.Weight = c.Weight < 0 ? null : log.Number($"{path}.weight", row, c.Weight + shift);
        indicator.Score = c.Score < 0 ? null : log.Number($"{path}.score", row, c.Score + shift);
        if (c.Deviation >= 0)
        {
            foreach (var (column, text) in RowText.DistinctTexts(row, c.Deviation + shift, row.Width - 1))
            {
                log.Add($"{path}.deviation", row, column, text, null);
                indicator.Deviation = CjkText.Continue(indicator.Deviation, text);
            }
        }

        var nameColumn = c.Name + shift;
        indicator.Name = log.Text($"{path}.name", row, nameColumn);
        var labels = RowText.DistinctTexts(row, 0, nameColumn - 1).ToList();
        var nameCell = nameColumn >= 0 && nameColumn < row.Width ? row.Slots[nameColumn] : null;
        if (indicator.Name is null && labels.Count(l => !Label.Is(l.Text, FormLabels.IndicatorSection)) is 1 && !IndicatorTaxonomy.IsHierarchyLabel(labels[^1].Text))
        {
            // The name sits in the level columns: a row outside the hierarchy whose label spans them.
            indicator.Name = log.Text($"{path}.name", row, labels[^1].Column);
            result.OutsideHierarchy = true;
            return result;
        }
        if (nameCell is not null && nameCell.Column < nameColumn && nameCell.Column <= c.Level2 + shift || IsGoalRationality(indicator.Name))
        {
            result.OutsideHierarchy = true;
            return result;
        }
        foreach (var (column, text) in labels)
            AssignLevel(indicator, text, column, c, shift, (field, printed) => log.Add($"{path}.{field}", row, column, printed, null));
        return result;
    }

    /// <summary>
    /// Places a label printed left of the name: by its column where that agrees with the taxonomy, by the
    /// taxonomy where the row is shifted (a level-2 label in the level-1 column is still a level-2).
    /// <paramref name="read"/> logs the cell under the field ("level1", "level2") it gave a value.
    /// </summary>
    private static void AssignLevel(Indicator indicator, string text, int column, IndicatorColumns c, int shift, Action<string, string> read)
    {
        if (Label.Is(text, FormLabels.IndicatorSection)) return;
        var isLevel1 = IndicatorTaxonomy.IsLevel1(text);
        var isLevel2 = IndicatorTaxonomy.IsLevel2(text);
        var label = isLevel1 || isLevel2 ? IndicatorTaxonomy.CleanLevelLabel(text) : text;
        bool asLevel2;
        if (column == c.Level2 + shift) asLevel2 = isLevel2 || !isLevel1;
        else if (column == c.Level1 + shift) asLevel2 = isLevel2 && !isLevel1;
        else if (isLevel1 || isLevel2) asLevel2 = isLevel2 && !isLevel1;
        else asLevel2 = column > c.Level1 + shift && indicator.Level2 is null;
        if (asLevel2 && indicator.Level2 is null)
        {
            indicator.Level2 = label;
            read("level2", text);
        }
        else if (!asLevel2 && indicator.Level1 is null)
        {
            indicator.Level1 = label;
            read("level1", text);
        }
    }

    /// <summary>绩效目标合理性 rates the targets themselves and belongs to no level-1.</summary>
    internal static bool IsGoalRationality(string? name) => name is not null && GoalRationality().IsMatch(Label.Key(name));

    /// <summary>
    /// A row without scores continues the row above: each of its texts is appended to the field whose column
    /// it sits nearest (a deviation wrapped onto a line of its own, text carried over a page break).
    /// </summary>
    private static void Continue(IndicatorRow previous, GridRow row, IndicatorColumns c, int index, ReadingLog log)
    {
        var fields = new List<(int Column, string Name)> { (c.Name, "name"), (c.Actual, "actual"), (c.Deviation, "deviation") };
        fields.AddRange(c.Target.Take(1).Select(t => (t, "target")));
        fields = fields.Where(f => f.Column >= 0).Select(f => (f.Column + previous.Shift, f.Name)).ToList();
        foreach (var (column, text) in RowText.DistinctTexts(row, 0, row.Width - 1))
        {
            var field = fields.MinBy(f => Math.Abs(f.Column - column)).Name;
            log.Add($"indicators[{index}].{field}", row, column, text, null);
            var v = previous.Value;
            switch (field)
            {
                case "name": v.Name = CjkText.Continue(v.Name, text); break;
                case "target": v.Target = CjkText.Continue(v.Target, text); break;
                case "actual": v.Actual = CjkText.Continue(v.Actual, text); break;
                default: v.Deviation = CjkText.Continue(v.Deviation, text); break;
            }
        }
    }

    /// <summary>The target as printed; split across 指标性质 | 指标值 | 度量单位 it is the three joined ("≥" "90" "%" → "≥90%").</summary>
    private static string? TargetText(GridRow row, IndicatorColumns c, int shift, string path, ReadingLog log)
    {
        string? target = null;
        foreach (var column in c.Target)
        {
            var part = log.Text($"{path}.target", row, column + shift);
            if (part is not null) target = (target ?? "") + part;
        }
        return target;
    }

    [GeneratedRegex(@"^绩效目标的?合理性")]
    private static partial Regex GoalRationality();
}
