using System.Text;

namespace Extractor.Text;

/// <summary>
/// Labels are matched by meaning, never by exact string: whitespace, radicals, bracket width and colons
/// vary between templates and exports ("年度 总体 目标", "项目资金（元）", "其中：当年财政拨款").
/// </summary>
public static class Label
{
    /// <summary>The comparable form of a label: no whitespace or colons, ideographs, ASCII brackets.</summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        text = CjkText.ToIdeographs(text);
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch is ':' or '：' or '\u00A0') continue;
            sb.Append(ch switch { '（' => '(', '）' => ')', _ => ch });
        }
        return sb.ToString();
    }

    /// <summary>True when the cell's key equals one of the synonyms' keys.</summary>
    public static bool Is(string? text, params string[] synonyms)
    {
        var key = Key(text);
        return key.Length > 0 && synonyms.Any(s => key == Key(s));
    }

    /// <summary>True when the cell's key starts with one of the synonyms' keys (labels with a unit or note after them).</summary>
    public static bool StartsWith(string? text, params string[] synonyms)
    {
        var key = Key(text);
        return key.Length > 0 && synonyms.Any(s => key.StartsWith(Key(s), StringComparison.Ordinal));
    }

    /// <summary>Levenshtein distance of two keys; int.MaxValue when their lengths differ by more than 2 (never near).</summary>
    public static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2) return int.MaxValue;
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>True when the cell's key contains one of the synonyms' keys.</summary>
    public static bool Contains(string? text, params string[] synonyms)
    {
        var key = Key(text);
        return key.Length > 0 && synonyms.Any(s => key.Contains(Key(s), StringComparison.Ordinal));
    }
}

/// <summary>The printed labels of the form, with the synonyms local templates use.</summary>
public static class FormLabels
{
    public static readonly string[] ProjectName = ["项目名称"];
    public static readonly string[] Department = ["主管部门", "主管单位", "主管部门及代码"];
    public static readonly string[] ImplementingUnit = ["实施单位", "项目实施单位"];
    public static readonly string[] Funds = ["项目资金", "项目资金(元)", "项目资金(万元)"];
    public static readonly string[] InitialBudget = ["年初预算数", "年初预算"];
    public static readonly string[] AnnualBudget = ["全年预算数", "全年预算", "调整后预算数"];
    public static readonly string[] Executed = ["全年执行数", "全年执行", "实际执行数"];
    public static readonly string[] Weight = ["分值", "权重", "分值(分)"];
    public static readonly string[] Rate = ["执行率"];
    public static readonly string[] Score = ["得分", "得分(分)", "自评得分"];
    public static readonly string[] FundsTotal = ["年度资金总额", "资金总额", "合计"];
    public static readonly string[] Appropriation = ["当年财政拨款", "本年财政拨款", "其中:当年财政拨款", "其中:本年财政拨款", "财政拨款"];
    public static readonly string[] Carryover = ["上年结转资金", "上年结转", "其中:上年结转资金"];
    public static readonly string[] OtherFunds = ["其他资金", "其他"];
    public static readonly string[] Goals = ["年度总体目标", "总体目标"];
    public static readonly string[] Planned = ["预算目标", "预期目标", "年初设定目标", "预期目标(年初设定目标)"];
    public static readonly string[] Achieved = ["实际完成情况", "全年实际完成情况"];
    public static readonly string[] IndicatorSection = ["绩效指标"];
    public static readonly string[] Level1 = ["一级指标"];
    public static readonly string[] Level2 = ["二级指标"];
    public static readonly string[] Level3 = ["三级指标", "指标名称"];
    public static readonly string[] Target = ["年度指标值", "年度目标值", "指标值", "预期指标值"];
    public static readonly string[] TargetNature = ["指标性质"];
    public static readonly string[] TargetValue = ["指标值"];
    public static readonly string[] TargetUnit = ["度量单位", "计量单位", "单位"];
    public static readonly string[] Actual = ["实际完成值", "全年实际值", "实际值", "全年实际完成值"];
    public static readonly string[] Deviation = ["偏差原因分析及改进措施", "偏差原因分析及改进措施说明", "偏差原因及改进措施", "未完成原因分析", "偏差原因分析"];
    public static readonly string[] Total = ["总分", "总计", "合计得分"];
}
