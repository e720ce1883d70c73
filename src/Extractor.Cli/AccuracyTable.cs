using System.Text;
using Extractor.Accuracy;

namespace Extractor.Cli;

/// <summary>
/// The accuracy report as a Markdown table, one row per split (the corpus' dev and test; blank for the fixtures'
/// own cases) and input kind: fields right of fields compared per field group and in all; forms with every
/// field right; wrong fields no check flags; the flagged fields, wrong and right (a right field counts only when the
/// form gives no cause: a sum check the expected document raises too is the truth, not noise); and flag precision,
/// the share of those flagged fields that are wrong (how far an auditor can trust a flag); the right texts that left out
/// a paragraph break the expected one has (the contract allows it; counted so the strict reading stays visible); and the
/// seconds the kind's inputs took.
/// </summary>
internal static class AccuracyTable
{
    public static string Render(IReadOnlyList<FieldResult> results)
    {
        string[] groups = ["header", "funds", "goals", "indicators", "totals", "checks"];
        var sb = new StringBuilder();
        sb.AppendLine("| split | input kind | inputs | forms | forms perfect | " + string.Join(" | ", groups) + " | all fields | wrong and unflagged | flagged: wrong / right | flag precision | breaks dropped | seconds |");
        sb.AppendLine("|---|---|---|---|---|" + string.Concat(groups.Select(_ => "---|")) + "---|---|---|---|---|---|");
        foreach (var kind in results.GroupBy(r => (r.Split, r.Kind)).OrderBy(g => g.Key.Split, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal))
        {
            var inputs = kind.Select(r => (r.Case, r.Input)).Distinct().Count();
            var seconds = kind.DistinctBy(r => (r.Case, r.Input)).Sum(r => r.Seconds);
            var forms = kind.GroupBy(r => (r.Case, r.Input, r.FormIndex)).ToList();
            var perfect = forms.Count(f => f.All(r => r.Correct));
            sb.Append($"| {kind.Key.Split} | {kind.Key.Kind} | {inputs} | {forms.Count} | {perfect} | ");
            foreach (var group in groups)
            {
                var g = kind.Where(r => r.Group == group).ToList();
                sb.Append(g.Count == 0 ? "- | " : $"{Percent(g)} | ");
            }
            var wrong = kind.Count(r => r.Flagged && !r.Correct && r.Group != "checks");
            var right = kind.Count(r => r.NeedlesslyFlagged);
            var precision = wrong + right == 0 ? "-" : $"{100.0 * wrong / (wrong + right):0.0}%";
            sb.AppendLine($"{Percent(kind.ToList())} ({kind.Count(r => r.Correct)}/{kind.Count()}) | {kind.Count(r => r.WrongAndUnflagged)} | {wrong} / {right} | {precision} | {kind.Count(r => r.BreaksDropped)} | {seconds:0} |");
        }
        return sb.ToString();
    }

    private static string Percent(IReadOnlyCollection<FieldResult> results) =>
        $"{100.0 * results.Count(r => r.Correct) / results.Count:0.0}%";
}
