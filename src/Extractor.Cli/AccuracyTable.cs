using System.Text;
using Extractor.Accuracy;

namespace Extractor.Cli;

/// <summary>
/// The accuracy report as a Markdown table: per input kind and field group, fields right of fields compared;
/// wrong fields no check flags; and the flagged fields, wrong and right (how far an auditor can trust a flag).
/// </summary>
internal static class AccuracyTable
{
    public static string Render(IReadOnlyList<FieldResult> results)
    {
        string[] groups = ["header", "funds", "goals", "indicators", "totals", "checks"];
        var sb = new StringBuilder();
        sb.AppendLine("| input kind | inputs | forms | " + string.Join(" | ", groups) + " | all fields | wrong and unflagged | flagged: wrong / right |");
        sb.AppendLine("|---|---|---|" + string.Concat(groups.Select(_ => "---|")) + "---|---|---|");
        foreach (var kind in results.GroupBy(r => r.Kind).OrderBy(g => g.Key))
        {
            var inputs = kind.Select(r => (r.Case, r.Input)).Distinct().Count();
            var forms = kind.Select(r => (r.Case, r.Input, r.FormIndex)).Distinct().Count();
            sb.Append($"| {kind.Key} | {inputs} | {forms} | ");
            foreach (var group in groups)
            {
                var g = kind.Where(r => r.Group == group).ToList();
                sb.Append(g.Count == 0 ? "- | " : $"{Percent(g)} | ");
            }
            sb.AppendLine($"{Percent(kind.ToList())} ({kind.Count(r => r.Correct)}/{kind.Count()}) | {kind.Count(r => r.WrongAndUnflagged)} | {Flagged(kind, correct: false)} / {Flagged(kind, correct: true)} |");
        }
        return sb.ToString();
    }

    private static int Flagged(IEnumerable<FieldResult> results, bool correct) =>
        results.Count(r => r.Flagged && r.Group != "checks" && r.Correct == correct);

    private static string Percent(IReadOnlyCollection<FieldResult> results) =>
        $"{100.0 * results.Count(r => r.Correct) / results.Count:0.0}%";
}
