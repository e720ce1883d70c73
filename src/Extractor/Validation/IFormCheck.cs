using Extractor.Mapping;
using Extractor.Output;

namespace Extractor.Validation;

/// <summary>One check of CONTRACT.md: it reports what it finds and never edits a value.</summary>
public interface IFormCheck
{
    IEnumerable<Check> Run(MappedForm form);
}

/// <summary>A check of how a cell was read (its confidence, what it held) rather than of the values: a document alone cannot run it again.</summary>
public interface IReadingCheck : IFormCheck
{
    string Code { get; }
}

/// <summary>Runs every check over a mapped form and records what they found in its <c>checks</c>.</summary>
public sealed class FormValidator(IEnumerable<IFormCheck> checks)
{
    public static FormValidator Default(double lowConfidenceThreshold) => new(
    [
        new ScoreSumCheck(), new WeightSumCheck(), new ScoreExceedsWeightCheck(), new ExecutionRateCheck(),
        new FundsRowsCheck(), new MissingFieldCheck(), new LowConfidenceCheck(lowConfidenceThreshold), new UnreadableValueCheck(),
    ]);

    private readonly IReadOnlyList<IFormCheck> _checks = checks.ToList();

    public void Validate(MappedForm mapped) => mapped.Form.Checks = _checks.SelectMany(c => c.Run(mapped)).ToList();

    /// <summary>
    /// The checks of a document after reviewers corrected it: the value checks run again on its values; what the
    /// reading checks said is kept, except for the fields a reviewer corrected (their value is a person's now).
    /// </summary>
    public void Revalidate(EvaluationForm form)
    {
        var corrected = form.Corrections.Select(c => c.Field).ToHashSet(StringComparer.Ordinal);
        var kept = form.Checks.Where(c => _checks.OfType<IReadingCheck>().Any(r => r.Code == c.Code) && c.Field is not null && !corrected.Contains(c.Field)).ToList();
        // A number still unreadable keeps missing-field from also naming it, as at the first validation.
        var unreadable = kept.Where(c => c.Code == UnreadableValueCheck.CheckCode)
            .Select(c => new FieldReading(c.Field!, null, NumberKind.Unreadable, 1, null, 0, 0)).ToList();
        var mapped = new MappedForm(form, unreadable);
        form.Checks = _checks.SelectMany(check => check is IReadingCheck reading ? kept.Where(c => c.Code == reading.Code) : check.Run(mapped)).ToList();
    }
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
