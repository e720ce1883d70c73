using Extractor.Accuracy;

namespace Extractor.Tests.Accuracy;

/// <summary>
/// The CI subset of the generated corpus (fixtures/corpus: the first cases of its dev and test splits, made by
/// scripts/corpus/make.sh) as a gate: forms laid out, worded and printed in ways the mapper was not written
/// against. Each input kind of each split is held to the floor it reaches; the floors only ever go up.
/// </summary>
public class CorpusAccuracyTests
{
    private static readonly Lazy<IReadOnlyList<FieldResult>> Results = new(() => AccuracyReport.Run(Path.Combine(Repo.Fixtures, "corpus"), Repo.Pipeline()));

    private static string Miss(FieldResult r) => $"{r.Split}/{r.Input} #{r.FormIndex} {r.Field}: expected {r.Expected ?? "(none)"}, got {r.Actual ?? "(none)"}";

    /// <summary>Share of fields right per split and input kind, and how many wrong fields may go without a check.</summary>
    public static TheoryData<string, string, double, int> Floors() => new()
    {
        { "dev", "html", 1.0, 0 },
        { "dev", "text", 1.0, 0 },
        { "dev", "pdf-text chromium", 1.0, 0 },
        { "dev", "pdf-text libreoffice", 1.0, 0 },
        { "dev", "xlsx", 1.0, 0 },
        { "dev", "xls", 1.0, 0 },
        { "dev", "docx", 1.0, 0 },
        { "test", "html", 1.0, 0 },
        { "test", "text", 1.0, 0 },
        { "test", "pdf-text chromium", 1.0, 0 },
        { "test", "pdf-text libreoffice", 1.0, 0 },
        { "test", "xlsx", 1.0, 0 },
        { "test", "xls", 1.0, 0 },
        { "test", "docx", 1.0, 0 },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public void Each_input_kind_of_each_split_reads_at_least_its_floor(string split, string kind, double floor, int unflaggedCeiling)
    {
        var results = Results.Value.Where(r => r.Split == split && r.Kind == kind).ToList();
        results.ShouldNotBeEmpty();
        var accuracy = (double)results.Count(r => r.Correct) / results.Count;
        var misses = results.Where(r => !r.Correct).Select(Miss);
        accuracy.ShouldBeGreaterThanOrEqualTo(floor, $"{accuracy:P2} right\n{string.Join("\n", misses.Take(40))}");
        var unflagged = results.Where(r => r.WrongAndUnflagged).Select(Miss).ToList();
        unflagged.Count.ShouldBeLessThanOrEqualTo(unflaggedCeiling, string.Join("\n", unflagged.Take(40)));
    }

    [Fact]
    public void Every_split_holds_forms_of_every_producer_and_every_input_is_read()
    {
        var kinds = Results.Value.GroupBy(r => r.Split).ToDictionary(g => g.Key, g => g.Select(r => r.Kind).Distinct().Order().ToList());
        kinds.Keys.Order().ShouldBe(["dev", "test"]);
        foreach (var (split, list) in kinds)
            list.ShouldBe(["docx", "html", "pdf-text chromium", "pdf-text libreoffice", "text", "xls", "xlsx"], split);
        var rejected = Results.Value.Where(r => r.Method.StartsWith("rejected", StringComparison.Ordinal)).Select(r => $"{r.Input}: {r.Method}").Distinct().ToList();
        rejected.ShouldBeEmpty(string.Join("\n", rejected));
    }
}
