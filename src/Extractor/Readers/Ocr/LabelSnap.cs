using System.Reflection;
using Extractor.Mapping;
using Extractor.Text;

namespace Extractor.Readers.Ocr;

/// <summary>
/// Domain correction: a cell read as a near miss of a label the form prints (or of a spreadsheet error) (one wrong character in a
/// label of up to four, two in a longer one) is taken to be that label. Values are never snapped: only text within
/// that distance of exactly one known label, and not itself a label, is changed. A text that is a label less its
/// trailing 指标 is an indicator's own name (服务对象满意度 under 服务对象满意度指标) and stays.
/// </summary>
internal static class LabelSnap
{
    private static readonly string[] Titles = ["项目支出绩效自评表", "财政项目支出绩效自评表"];

    /// <summary>Spreadsheet errors printed in place of a number: read exactly, they become an unreadable-value check.</summary>
    private static readonly string[] SpreadsheetErrors = ["#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!"];

    private static readonly IReadOnlyList<(string Key, string Label)> Known =
        typeof(FormLabels).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string[]))
            .SelectMany(f => (string[])f.GetValue(null)!)
            .Concat(IndicatorTaxonomy.Labels).Concat(Titles).Concat(SpreadsheetErrors)
            .Select(l => (Key: Label.Key(l), Label: l)).DistinctBy(l => l.Key).ToList();

    public static string? Snap(string? text)
    {
        var key = Label.Key(text);
        if (key.Length < 3 || key.Length > 16 || Known.Any(k => k.Key == key)) return text;
        var allowed = key.Length <= 4 ? 1 : 2;
        var near = Known.Select(k => (k.Label, Distance: Label.Distance(key, k.Key))).Where(k => k.Distance <= allowed).ToList();
        if (near.Count == 0) return text;
        var best = near.Min(n => n.Distance);
        var nearest = near.Where(n => n.Distance == best).ToList();
        return nearest.Count == 1 && !IsNameUnder(key, nearest[0].Label) ? nearest[0].Label : text;
    }

    /// <summary>The word a level-2 label adds to the name of what it measures.</summary>
    private const string IndicatorWord = "指标";

    private static bool IsNameUnder(string key, string label) =>
        label.EndsWith(IndicatorWord, StringComparison.Ordinal) && Label.Key(label[..^IndicatorWord.Length]) == key;
}
