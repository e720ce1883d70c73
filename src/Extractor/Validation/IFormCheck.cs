using Extractor.Mapping;
using Extractor.Output;

namespace Extractor.Validation;

/// <summary>One check of CONTRACT.md: it reports what it finds and never edits a value.</summary>
public interface IFormCheck
{
    IEnumerable<Check> Run(MappedForm form);
}

/// <summary>Runs every check over a mapped form and records what they found in its <c>checks</c>.</summary>
public sealed class FormValidator(IEnumerable<IFormCheck> checks)
{
    public static FormValidator Default(double lowConfidenceThreshold) => new(
    [
        new ScoreSumCheck(), new WeightSumCheck(), new ScoreExceedsWeightCheck(), new ExecutionRateCheck(),
        new FundsRowsCheck(), new MissingFieldCheck(), new LowConfidenceCheck(lowConfidenceThreshold), new UnreadableValueCheck(),
    ]);

    public void Validate(MappedForm mapped) => mapped.Form.Checks = checks.SelectMany(c => c.Run(mapped)).ToList();
}

internal static class Amounts
{
    /// <summary>Sums the values that are there; null when none is.</summary>
    public static decimal? SumPresent(IEnumerable<decimal?> values)
    {
        decimal? sum = null;
        foreach (var v in values)
            if (v is { } x) sum = (sum ?? 0) + x;
        return sum;
    }

    public static string Show(decimal value) => NumberText.Normalize(value).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
