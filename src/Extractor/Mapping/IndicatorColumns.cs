using Extractor.Grid;
using Extractor.Text;

namespace Extractor.Mapping;

/// <summary>
/// Where the indicator header puts each field. The target may be one column (年度指标值) or three
/// (指标性质 | 指标值 | 度量单位, on the header's second row), read joined. -1 marks a column the form lacks.
/// </summary>
internal sealed record IndicatorColumns(int Level1, int Level2, int Name, IReadOnlyList<int> Target, int Actual, int Weight, int Score, int Deviation)
{
    /// <summary>The header row of the indicator table: it names the level-3 column and the scores.</summary>
    public static bool IsHeader(GridRow row) =>
        (RowText.Has(row, FormLabels.Level3) || RowText.Has(row, FormLabels.Level1) && RowText.Has(row, FormLabels.Level2)
            || RowText.DistinctTexts(row, 0, row.Width - 1).Count(c => IsLevelLabel(c.Text)) >= 3)
        && (RowText.Has(row, FormLabels.Weight) || RowText.Has(row, FormLabels.Score) || RowText.Has(row, FormLabels.Target));

    /// <summary>True for the second header row of a split target (指标性质 | 指标值 | 度量单位).</summary>
    public static bool IsSplitTargetRow(GridRow row) => RowText.Has(row, FormLabels.TargetNature) || RowText.Has(row, FormLabels.TargetUnit) && RowText.Has(row, FormLabels.TargetValue);

    /// <summary>The columns named by the header row; <paramref name="next"/> is the row under it, a second header row when the target is split.</summary>
    public static IndicatorColumns From(GridRow header, GridRow? next)
    {
        var target = RowText.FindLabel(header, FormLabels.Target, Label.StartsWith);
        IReadOnlyList<int> targets = target < 0 ? [] : [target];
        if (next is not null && IsSplitTargetRow(next))
        {
            targets = new[] { FormLabels.TargetNature, FormLabels.TargetValue, FormLabels.TargetUnit }
                .Select(l => RowText.FindLabel(next, l)).Where(c => c >= 0).ToList();
        }
        var (level1, level2, name) = Levels(header);
        return new IndicatorColumns(
            level1,
            level2,
            name,
            targets,
            RowText.FindLabel(header, FormLabels.Actual, Label.StartsWith),
            RowText.FindLabel(header, FormLabels.Weight),
            RowText.FindLabel(header, FormLabels.Score),
            RowText.FindLabel(header, FormLabels.Deviation, Label.StartsWith));
    }

    /// <summary>
    /// The level columns, printed in order 一级 | 二级 | 三级. A scan's reader confuses 一, 二 and 三 (and reads a faint
    /// 二 as a quote), so when the labels as read are not three columns in that order but the header holds exactly
    /// three "…级指标" cells, those are the levels, left to right.
    /// </summary>
    private static (int Level1, int Level2, int Name) Levels(GridRow header)
    {
        int level1 = RowText.FindLabel(header, FormLabels.Level1), level2 = RowText.FindLabel(header, FormLabels.Level2);
        var name = RowText.FindLabel(header, FormLabels.Level3);
        if (0 <= level1 && level1 < level2 && level2 < name) return (level1, level2, name);
        var levels = RowText.DistinctTexts(header, 0, header.Width - 1).Where(c => IsLevelLabel(c.Text)).Select(c => c.Column).ToList();
        return levels.Count == 3 ? (levels[0], levels[1], levels[2]) : (level1, level2, name);
    }

    /// <summary>"一级指标", "二级指标", "三级指标" whatever their first character was read as (or if it was lost).</summary>
    private static bool IsLevelLabel(string text)
    {
        var key = Label.Key(text);
        return key.EndsWith("级指标", StringComparison.Ordinal) && key.Length <= 4;
    }

    /// <summary>The rightmost column a field of the table occupies.</summary>
    public int Last => new[] { Level1, Level2, Name, Actual, Weight, Score, Deviation }.Concat(Target).Max();

    /// <summary>The leftmost column of the target (or of the actual value when there is no target column).</summary>
    public int FirstValue => Target.Count > 0 ? Target.Min() : Actual;
}
