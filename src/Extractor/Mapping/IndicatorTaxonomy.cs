using System.Text.RegularExpressions;
using Extractor.Text;

namespace Extractor.Mapping;

/// <summary>
/// The fixed indicator hierarchy of the Ministry of Finance template: a level-2 label names its level-1,
/// which is how a level-1 lost to a merged cell is recovered.
/// </summary>
public static partial class IndicatorTaxonomy
{
    private static readonly Dictionary<string, string> ParentOf = new()
    {
        ["数量指标"] = "产出指标", ["质量指标"] = "产出指标", ["时效指标"] = "产出指标", ["成本指标"] = "产出指标",
        ["经济效益指标"] = "效益指标", ["社会效益指标"] = "效益指标", ["生态效益指标"] = "效益指标",
        ["生态环境效益指标"] = "效益指标", ["可持续影响指标"] = "效益指标",
        ["服务对象满意度指标"] = "满意度指标",
    };

    /// <summary>
    /// The 2021+ sub-kinds of 成本指标: level-2 under 产出指标 in some templates, under a level-1 成本指标 in
    /// others, so their level-1 is never inferred, only filled from the printed block.
    /// </summary>
    private static readonly HashSet<string> CostKinds = ["经济成本指标", "社会成本指标", "生态环境成本指标"];

    /// <summary>成本指标 printed as a level-1, with the cost sub-kinds under it.</summary>
    public const string CostLevel1 = "成本指标";

    private static readonly HashSet<string> Level1Labels = ["产出指标", "效益指标", "满意度指标", CostLevel1];

    /// <summary>True for a 2021+ cost sub-kind (经济成本指标, 社会成本指标, 生态环境成本指标).</summary>
    public static bool IsCostKind(string? label) => label is not null && CostKinds.Contains(CleanLevelLabel(label));

    /// <summary>Every label of the hierarchy, level-1 and level-2.</summary>
    public static IEnumerable<string> Labels => Level1Labels.Concat(ParentOf.Keys).Concat(CostKinds);

    /// <summary>"产出指标(50分)" → "产出指标": local templates print the points of a level-1 beside it.</summary>
    public static string CleanLevelLabel(string label) => PointsSuffix().Replace(Label.Key(label), "");

    public static bool IsLevel1(string? label) => label is not null && Level1Labels.Contains(CleanLevelLabel(label));

    public static bool IsLevel2(string? label) =>
        label is not null && (ParentOf.ContainsKey(CleanLevelLabel(label)) || CostKinds.Contains(CleanLevelLabel(label)));

    /// <summary>Any label of the hierarchy, or the section label 绩效指标: never an indicator's own name.</summary>
    public static bool IsHierarchyLabel(string? label) =>
        IsLevel1(label) || IsLevel2(label) || Label.Is(label, FormLabels.IndicatorSection);

    /// <summary>The level-1 a known level-2 belongs to, or null when the taxonomy does not say.</summary>
    public static string? Level1Of(string? level2) =>
        level2 is not null && ParentOf.TryGetValue(CleanLevelLabel(level2), out var parent) ? parent : null;

    /// <summary>The points in brackets, however a scan's reader took the brackets ("效益指标〈41分)", "《41分)").</summary>
    [GeneratedRegex(@"[(〈《<]\s*\d+(\.\d+)?\s*分?\s*[)〉》>]$")]
    private static partial Regex PointsSuffix();
}
