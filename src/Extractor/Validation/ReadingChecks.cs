using Extractor.Grid;
using Extractor.Mapping;
using Extractor.Output;
using Extractor.Text;

namespace Extractor.Validation;

/// <summary>
/// missing-field: a required field (projectName, year, totalScore, an indicator's name) could not be read (with the
/// total weight when neither of the 总分 row's numbers was), or a
/// block holds nothing at all (the funds table, the goals, the indicator table: not found, or found blank), never a
/// silent null where the form printed a value.
/// </summary>
public sealed class MissingFieldCheck : IFormCheck
{
    public IEnumerable<Check> Run(MappedForm mapped)
    {
        var f = mapped.Form;
        if (f.ProjectName is null) yield return Missing("projectName", "项目名称");
        if (f.Year is null) yield return Missing("year", "年度");
        if (IsBlank(f.Funds)) yield return Missing("funds", "项目资金 (the funds table)");
        if (f.Goals.Planned is null && f.Goals.Achieved is null) yield return Missing("goals", "年度总体目标 (the goals)");
        if (f.Indicators.Count == 0) yield return Missing("indicators", "绩效指标 (the indicator table)");
        if (f.TotalScore is null && !Unreadable(mapped, "totalScore"))
        {
            yield return Missing("totalScore", "总分 得分");
            // The 总分 row lost, its 分值 went with it: a total weight is seldom left blank beside a score.
            if (f.TotalWeight is null && !Unreadable(mapped, "totalWeight")) yield return Missing("totalWeight", "总分 分值");
        }
        for (var i = 0; i < f.Indicators.Count; i++)
            if (f.Indicators[i].Name is null) yield return Missing($"indicators[{i}].name", "三级指标");
    }

    private static bool IsBlank(Funds funds) =>
        funds.Weight is null && funds.Score is null && funds.ExecutionRatePercent is null
        && funds.Rows.Named().All(l => l.Line.InitialBudget is null && l.Line.AnnualBudget is null && l.Line.Executed is null);

    private static bool Unreadable(MappedForm mapped, string field) =>
        mapped.Readings.Any(r => r.Field == field && UnreadableValueCheck.HoldsNoValue(r));

    private static Check Missing(string field, string label) =>
        new("missing-field", Severity.Error, field, $"{label} could not be read from the form");
}

/// <summary>
/// unreadable-value: a numeric cell holds no number (a spreadsheet error, words) or one too large to be a value
/// (<see cref="NumberText.Limit"/>); the value is null.
/// </summary>
public sealed class UnreadableValueCheck : IReadingCheck
{
    public const string CheckCode = "unreadable-value";

    public string Code => CheckCode;

    public IEnumerable<Check> Run(MappedForm mapped) =>
        mapped.Readings.Where(HoldsNoValue).Select(r =>
            new Check(CheckCode, Severity.Error, r.Field, $"the cell holds \"{r.Printed}\", which is {Why(r.Number)}"));

    public static bool HoldsNoValue(FieldReading reading) => reading.Number is NumberKind.Unreadable or NumberKind.OutOfRange;

    private static string Why(NumberKind? kind) =>
        kind == NumberKind.OutOfRange ? $"a number too large to be a value ({Amounts.Show(NumberText.Limit)} or more)" : "not a number";
}

/// <summary>
/// low-confidence: the reader (OCR) was less sure of a field's cell than the configured threshold; or, on a form read
/// by OCR, no title was read, or an indicator's level-1 or level-2 is no label of the indicator hierarchy
/// (<see cref="IndicatorTaxonomy"/>),
/// or its name holds one, or its target reads as a ≥ taken for a 2 (<see cref="SignReadAsTwo"/>), or its actual value
/// holds neither a digit nor a word ("%"), or its deviation no Chinese ("B", "4:"), or it lacks a weight or a score
/// where the others have them (a form prints both in every row), or its target holds a hierarchy label, or one of its
/// target and actual lacks the unit the other has: the recogniser was
/// sure of a misreading ("绩指", a label cut by a lost ruling) or rows were run together (a page whose columns were not
/// told), whatever its confidence says.
/// </summary>
public sealed class LowConfidenceCheck(double threshold) : IReadingCheck
{
    public string Code => "low-confidence";

    public IEnumerable<Check> Run(MappedForm mapped)
    {
        var unsure = mapped.Readings.Where(r => r.Confidence < threshold)
            .GroupBy(r => r.Field)
            .Select(g => g.MinBy(r => r.Confidence)!)
            .Select(r => new Check(Code, Severity.Warning, r.Field,
                $"read \"{r.Printed}\" with confidence {r.Confidence:0.00} (threshold {threshold:0.00}) on page {r.Page?.ToString() ?? "-"}, row {r.Row + 1}, column {r.Column + 1}"))
            .ToList();
        return unsure.Concat(SureMisreadings(mapped.Form, mapped.Readings).Where(c => unsure.All(u => u.Field != c.Field)));
    }

    private static string? HierarchyLabelIn(string? name) =>
        name is null ? null : IndicatorTaxonomy.Labels.FirstOrDefault(l => name.Contains(l, StringComparison.Ordinal));

    /// <summary>What the recogniser was sure of and is still no reading of the form, on a form read by OCR.</summary>
    private IEnumerable<Check> SureMisreadings(EvaluationForm form, IReadOnlyList<FieldReading> readings)
    {
        if (!ReadMethod.IsOcr(form.Source.Method)) yield break;
        if (form.Title is null)
            yield return Unsure("title", "no title was read above the form: a scan's title is seldom missing, often misread");
        if (LargestAmount(form.Funds) is > 0 and < SmallYuanTable && form.Funds.UnitAsPrinted == "元")
            yield return Unsure("funds", $"every amount is under {SmallYuanTable:#,0} 元: the unit read 元 may be a 万元 whose 万 was lost");
        var weighed = form.Indicators.Any(o => o.Weight is not null);
        var scored = weighed || form.Indicators.Any(o => o.Score is not null);
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var indicator = form.Indicators[i];
            var at = $"indicators[{i}]";
            if (indicator.Level1 is { } level1 && !IndicatorTaxonomy.IsLevel1(level1))
                yield return Unsure($"{at}.level1", $"read \"{level1}\", which is no level-1 of the indicator hierarchy");
            if (indicator.Level2 is { } level2 && !IndicatorTaxonomy.IsLevel2(level2))
                yield return Unsure($"{at}.level2", $"read \"{level2}\", which is no level-2 of the indicator hierarchy");
            var printed = PrintedText(readings, $"{at}.target");
            if (SignReadAsTwo.Suspect(printed, indicator.Actual))
                yield return Unsure($"{at}.target", $"read \"{printed}\" beside an actual value of \"{indicator.Actual}\": its 2 was taken as a ≥");
            if (indicator.Actual is { } actual && !HoldsWordOrDigit(actual) && !IsPlaceholder(actual))
                yield return Unsure($"{at}.actual", $"read \"{actual}\", with neither a number nor a word");
            if (indicator.Deviation is { } deviation && !deviation.Any(CjkText.IsCjkLike) && !IsPlaceholder(deviation))
                yield return Unsure($"{at}.deviation", $"read \"{deviation}\", which holds no Chinese: specks or a stroke read as text");
            if (indicator.Weight is null && weighed)
                yield return Unsure($"{at}.weight", "no weight was read in this row, unlike the others: faint digits lost by the reader");
            if (indicator.Score is null && scored)
                yield return Unsure($"{at}.score", "no score was read in this row beside the others' numbers: faint digits lost, or the column");
            if (HierarchyLabelIn(indicator.Name) is { } label)
                yield return Unsure($"{at}.name", $"the name holds the hierarchy's label \"{label}\": rows the reader did not tell apart");
            if (HierarchyLabelIn(indicator.Target) is { } merged)
            {
                // A lost ruling ran the row's labels into its target: its levels were then filled from the rows above.
                yield return Unsure($"{at}.target", $"the target holds the hierarchy's label \"{merged}\": cells the reader did not tell apart");
                yield return Unsure($"{at}.level2", $"the row's labels were read into its target (\"{merged}\")");
            }
            if (LostUnit(indicator.Target, indicator.Actual) is { } bare)
                yield return Unsure($"{at}.{bare}", $"target \"{indicator.Target}\" and actual \"{indicator.Actual}\": one has a unit the other lacks, a faint % or 个 lost");
        }
    }

    /// <summary>
    /// A funds table in 元 whose largest amount is under this is as likely one in 万元 read without its 万 (dev noisy
    /// scans: 20.94 for 209,400): projects funded with less are rare. Default 10,000.
    /// </summary>
    public const decimal SmallYuanTable = 10_000m;

    private static decimal? LargestAmount(Funds funds) =>
        funds.Rows.Named().SelectMany(l => new[] { l.Line.InitialBudget, l.Line.AnnualBudget, l.Line.Executed }).Max();

    /// <summary>
    /// "target" or "actual", whichever of two numbers lacks the unit the other ends in ("≥85.6%" beside "86.8"); null
    /// where both have one, or neither, or either holds no number.
    /// </summary>
    internal static string? LostUnit(string? target, string? actual)
    {
        if (UnitOf(target) is not { } t || UnitOf(actual) is not { } a || (t.Length == 0) == (a.Length == 0)) return null;
        return t.Length == 0 ? "target" : "actual";
    }

    private static readonly char[] Digits = "0123456789".ToCharArray();

    /// <summary>What follows a text's last digit, trimmed; null without a digit.</summary>
    private static string? UnitOf(string? text)
    {
        var last = text?.LastIndexOfAny(Digits) ?? -1;
        return last < 0 ? null : text![(last + 1)..].Trim();
    }

    private static bool HoldsWordOrDigit(string text) => text.Any(c => char.IsAsciiDigit(c) || CjkText.IsCjkLike(c));

    /// <summary>A dash or slash printed for "none".</summary>
    private static bool IsPlaceholder(string text) => text.Trim().Trim('—', '-', '－', '/', '／').Length == 0;

    /// <summary>A field's text as its cells were read, before any repair (the parts of a split target joined).</summary>
    private static string? PrintedText(IReadOnlyList<FieldReading> readings, string field)
    {
        var parts = readings.Where(r => r.Field == field).Select(r => r.Printed).OfType<string>().ToList();
        return parts.Count == 0 ? null : string.Concat(parts);
    }

    private Check Unsure(string field, string message) => new(Code, Severity.Warning, field, message);
}
