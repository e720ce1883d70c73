namespace Extractor.Output;

/// <summary>What a field holds, so a correction can be checked: text, a number, the year, or the money unit.</summary>
public enum FieldKind { Text, Number, Year, Unit }

/// <summary>One value of a form by its path ("indicators[2].score"), with how to read and replace it.</summary>
public sealed record FormField(string Path, FieldKind Kind, Func<object?> Get, Action<object?> Set);

/// <summary>
/// Every value of a form under its path, in document order, spelled as checks name their field and as the trace
/// is keyed: the one list of what a form's values are, for the trace, for corrections and for their tests.
/// </summary>
public static class FormFields
{
    /// <summary>The units <c>funds.unitAsPrinted</c> may hold.</summary>
    public static readonly IReadOnlyList<string> Units = ["元", "万元"];

    public static IEnumerable<FormField> Of(EvaluationForm form)
    {
        yield return Text("title", () => form.Title, v => form.Title = v);
        yield return new FormField("year", FieldKind.Year, () => form.Year, v => form.Year = (int?)v);
        yield return Text("projectName", () => form.ProjectName, v => form.ProjectName = v);
        yield return Text("department", () => form.Department, v => form.Department = v);
        yield return Text("implementingUnit", () => form.ImplementingUnit, v => form.ImplementingUnit = v);
        var funds = form.Funds;
        yield return new FormField("funds.unitAsPrinted", FieldKind.Unit, () => funds.UnitAsPrinted, v => funds.UnitAsPrinted = (string?)v);
        foreach (var (name, line) in funds.Rows.Named())
        {
            yield return Number($"funds.rows.{name}.initialBudget", () => line.InitialBudget, v => line.InitialBudget = v);
            yield return Number($"funds.rows.{name}.annualBudget", () => line.AnnualBudget, v => line.AnnualBudget = v);
            yield return Number($"funds.rows.{name}.executed", () => line.Executed, v => line.Executed = v);
        }
        yield return Number("funds.weight", () => funds.Weight, v => funds.Weight = v);
        yield return Number("funds.executionRatePercent", () => funds.ExecutionRatePercent, v => funds.ExecutionRatePercent = v);
        yield return Number("funds.score", () => funds.Score, v => funds.Score = v);
        yield return Text("goals.planned", () => form.Goals.Planned, v => form.Goals.Planned = v);
        yield return Text("goals.achieved", () => form.Goals.Achieved, v => form.Goals.Achieved = v);
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var indicator = form.Indicators[i];
            var path = $"indicators[{i}]";
            yield return Text($"{path}.level1", () => indicator.Level1, v => indicator.Level1 = v);
            yield return Text($"{path}.level2", () => indicator.Level2, v => indicator.Level2 = v);
            yield return Text($"{path}.name", () => indicator.Name, v => indicator.Name = v);
            yield return Text($"{path}.target", () => indicator.Target, v => indicator.Target = v);
            yield return Text($"{path}.actual", () => indicator.Actual, v => indicator.Actual = v);
            yield return Number($"{path}.weight", () => indicator.Weight, v => indicator.Weight = v);
            yield return Number($"{path}.score", () => indicator.Score, v => indicator.Score = v);
            yield return Text($"{path}.deviation", () => indicator.Deviation, v => indicator.Deviation = v);
        }
        yield return Number("totalWeight", () => form.TotalWeight, v => form.TotalWeight = v);
        yield return Number("totalScore", () => form.TotalScore, v => form.TotalScore = v);
    }

    /// <summary>The field at <paramref name="path"/>, or null when the form has no such value.</summary>
    public static FormField? Find(EvaluationForm form, string path) => Of(form).FirstOrDefault(f => f.Path == path);

    private static FormField Text(string path, Func<string?> get, Action<string?> set) =>
        new(path, FieldKind.Text, get, v => set((string?)v));

    private static FormField Number(string path, Func<decimal?> get, Action<decimal?> set) =>
        new(path, FieldKind.Number, () => get(), v => set((decimal?)v));
}
