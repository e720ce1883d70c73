using Extractor.Output;

namespace FormMaker;

/// <summary>
/// The checks a generated form must raise, derived from its true values by the rules of fixtures/README.md
/// ("Checks"), on their own and not by the project's validator: a form that is printed consistent gets none.
/// </summary>
internal static class ExpectedChecks
{
    private const decimal Tolerance = 0.01m;

    public static List<Check> Of(EvaluationForm form, IEnumerable<Check> unreadable)
    {
        var checks = new List<Check>();
        var f = form.Funds;
        var scores = form.Indicators.Sum(i => i.Score ?? 0) + (f.Score ?? 0);
        var weights = form.Indicators.Sum(i => i.Weight ?? 0) + (f.Weight ?? 0);
        if (form.TotalScore is { } totalScore && scores != totalScore)
            checks.Add(new Check("score-sum-mismatch", Severity.Warning, "totalScore", $"scores add up to {scores}, the form says {totalScore}"));
        if (form.TotalWeight is { } totalWeight && weights != totalWeight)
            checks.Add(new Check("weight-sum-mismatch", Severity.Warning, "totalWeight", $"weights add up to {weights}, the form says {totalWeight}"));
        if (f.Score > f.Weight) checks.Add(Exceeds("funds.score"));
        for (var i = 0; i < form.Indicators.Count; i++)
            if (form.Indicators[i].Score > form.Indicators[i].Weight) checks.Add(Exceeds($"indicators[{i}].score"));
        if (form.TotalScore > form.TotalWeight) checks.Add(Exceeds("totalScore"));
        var total = f.Rows.Total;
        if (f.ExecutionRatePercent is { } rate && total.Executed is { } executed && total.AnnualBudget is { } annual && annual != 0
            && Math.Abs(executed / annual * 100m - rate) > Tolerance)
            checks.Add(new Check("execution-rate-mismatch", Severity.Warning, "funds.executionRatePercent", $"executed / annual budget is not {rate}%"));
        FundsLine[] parts = [f.Rows.CurrentYearAppropriation, f.Rows.PriorYearCarryover, f.Rows.Other];
        Func<FundsLine, decimal?>[] columns = [l => l.InitialBudget, l => l.AnnualBudget, l => l.Executed];
        if (columns.Any(pick => pick(total) is { } whole && parts.Any(p => pick(p) is not null)
                && Math.Abs(parts.Sum(p => pick(p) ?? 0) - whole) > Tolerance))
            checks.Add(new Check("funds-rows-mismatch", Severity.Warning, "funds.rows", "the sub-rows do not add up to the total row"));
        checks.AddRange(unreadable);
        return checks;
    }

    private static Check Exceeds(string field) => new("score-exceeds-weight", Severity.Warning, field, "score above its weight");
}
