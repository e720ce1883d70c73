using Extractor.Mapping;
using Extractor.Output;

namespace Extractor.Validation;

/// <summary>score-sum-mismatch: funds score + indicator scores differ from the printed total score.</summary>
public sealed class ScoreSumCheck : IFormCheck
{
    public IEnumerable<Check> Run(MappedForm mapped)
    {
        var f = mapped.Form;
        if (f.TotalScore is not { } total) yield break;
        var sum = Amounts.SumPresent(f.Indicators.Select(i => i.Score).Prepend(f.Funds.Score)) ?? 0;
        if (sum != total)
            yield return new Check("score-sum-mismatch", Severity.Warning, "totalScore",
                $"indicator and funds scores add up to {Amounts.Show(sum)}, the form says {Amounts.Show(total)}");
    }
}

/// <summary>
/// weight-sum-mismatch: funds weight + indicator weights differ from the printed total weight, or, where no total
/// weight was read, from the template's <see cref="TemplateTotal"/> (rows lost with their total to a bad scan).
/// </summary>
public sealed class WeightSumCheck : IFormCheck
{
    /// <summary>The 总分 of the Ministry of Finance template: 100 points.</summary>
    public const decimal TemplateTotal = 100;

    public IEnumerable<Check> Run(MappedForm mapped)
    {
        var f = mapped.Form;
        var weights = f.Indicators.Select(i => i.Weight).Prepend(f.Funds.Weight).ToList();
        if (f.TotalWeight is null && weights.All(w => w is null)) yield break;
        var total = f.TotalWeight ?? TemplateTotal;
        var sum = Amounts.SumPresent(weights) ?? 0;
        if (sum != total)
            yield return new Check("weight-sum-mismatch", Severity.Warning, "totalWeight", f.TotalWeight is null
                ? $"indicator and funds weights add up to {Amounts.Show(sum)}; no total weight was read, the template's is {Amounts.Show(total)}"
                : $"indicator and funds weights add up to {Amounts.Show(sum)}, the form says {Amounts.Show(total)}");
    }
}

/// <summary>score-exceeds-weight: a score above its own weight, for the funds line or any indicator.</summary>
public sealed class ScoreExceedsWeightCheck : IFormCheck
{
    public IEnumerable<Check> Run(MappedForm mapped)
    {
        var f = mapped.Form;
        if (f.Funds.Score > f.Funds.Weight)
            yield return Exceeds("funds.score", f.Funds.Score!.Value, f.Funds.Weight!.Value);
        for (var i = 0; i < f.Indicators.Count; i++)
            if (f.Indicators[i].Score > f.Indicators[i].Weight)
                yield return Exceeds($"indicators[{i}].score", f.Indicators[i].Score!.Value, f.Indicators[i].Weight!.Value);
        if (f.TotalScore > f.TotalWeight)
            yield return Exceeds("totalScore", f.TotalScore!.Value, f.TotalWeight!.Value);
    }

    private static Check Exceeds(string field, decimal score, decimal weight) =>
        new("score-exceeds-weight", Severity.Warning, field, $"score {Amounts.Show(score)} is above its weight {Amounts.Show(weight)}");
}

/// <summary>execution-rate-mismatch: executed / annual budget of the total row differs from the printed rate by more than 0.01 point.</summary>
public sealed class ExecutionRateCheck : IFormCheck
{
    private const decimal Tolerance = 0.01m;

    /// <summary>
    /// An annual budget under one fen (0.01 yuan) is none to rate against; it also keeps executed / budget within
    /// decimal for every amount under <see cref="NumberText.Limit"/>.
    /// </summary>
    private const decimal SmallestBudget = 0.01m;

    public IEnumerable<Check> Run(MappedForm mapped)
    {
        var funds = mapped.Form.Funds;
        var total = funds.Rows.Total;
        if (funds.ExecutionRatePercent is not { } printed || total.Executed is not { } executed || total.AnnualBudget is not { } annual || Math.Abs(annual) < SmallestBudget)
            yield break;
        var computed = executed / annual * 100m;
        if (Math.Abs(computed - printed) > Tolerance)
            yield return new Check("execution-rate-mismatch", Severity.Warning, "funds.executionRatePercent",
                $"executed {Amounts.Show(executed)} / annual budget {Amounts.Show(annual)} is {Math.Round(computed, 2)}%, the form says {Amounts.Show(printed)}%");
    }
}

/// <summary>funds-rows-mismatch: appropriation + carryover + other do not add up to the total row (one check naming each amount that differs).</summary>
public sealed class FundsRowsCheck : IFormCheck
{
    private const decimal Tolerance = 0.01m;

    public IEnumerable<Check> Run(MappedForm mapped)
    {
        var rows = mapped.Form.Funds.Rows;
        FundsLine[] parts = [rows.CurrentYearAppropriation, rows.PriorYearCarryover, rows.Other];
        var differences = new List<string>();
        foreach (var (name, pick) in Columns)
        {
            if (pick(rows.Total) is not { } total) continue;
            if (Amounts.SumPresent(parts.Select(pick)) is not { } sum) continue;
            if (Math.Abs(sum - total) > Tolerance)
                differences.Add($"{name}: the sub-rows add up to {Amounts.Show(sum)}, the total row says {Amounts.Show(total)}");
        }
        if (differences.Count > 0)
            yield return new Check("funds-rows-mismatch", Severity.Warning, "funds.rows", string.Join("; ", differences));
    }

    private static readonly (string Name, Func<FundsLine, decimal?> Pick)[] Columns =
        [("initialBudget", l => l.InitialBudget), ("annualBudget", l => l.AnnualBudget), ("executed", l => l.Executed)];
}
