using Extractor.Text;

namespace Extractor.Forms;

public enum FormKind { SelfEvaluation, Other }

/// <summary>
/// Recognises the title cell that starts a form. Files carry other forms of the same budget cycle
/// (targets, monitoring, whole-department evaluations); only project self-evaluations become documents.
/// </summary>
public static class FormTitle
{
    private static readonly (string Key, string Why)[] OtherForms =
    [
        ("部门整体支出绩效自评表", "a whole-department evaluation (部门整体支出绩效自评表), not a project"),
        ("部门整体绩效自评表", "a whole-department evaluation (部门整体绩效自评表), not a project"),
        ("绩效目标执行监控表", "a mid-year monitoring form (绩效目标执行监控表), not a self-evaluation"),
        ("执行监控表", "a mid-year monitoring form (执行监控表), not a self-evaluation"),
        ("绩效目标申报表", "a targets form (绩效目标申报表): targets only, no scores"),
        ("绩效目标表", "a targets form (绩效目标表): targets only, no scores"),
        ("绩效自评表", ""),
        ("自评表", ""),
    ];

    /// <summary>The kind of form a cell titles, with the reason when it is skipped; null when the cell is no title.</summary>
    public static (FormKind Kind, string Reason)? Classify(string? text)
    {
        var key = Label.Key(text);
        if (key.Length is < 4 or > 60 || !key.EndsWith('表') && !key.Contains("表(")) return null;
        foreach (var (other, why) in OtherForms)
            if (key.Contains(other, StringComparison.Ordinal))
                return why.Length == 0 ? (FormKind.SelfEvaluation, "") : (FormKind.Other, why);
        return null;
    }
}
