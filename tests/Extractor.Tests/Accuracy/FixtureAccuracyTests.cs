using Extractor.Accuracy;
using Extractor.Readers;

namespace Extractor.Tests.Accuracy;

/// <summary>
/// The accuracy report as a regression gate: every field of every fixture form must be right for the input
/// kinds that have a text layer; OCR kinds are held to the floors of the issue.
/// </summary>
public class FixtureAccuracyTests
{
    private static readonly Lazy<IReadOnlyList<FieldResult>> Results = new(() => AccuracyReport.Run(Repo.Fixtures, Repo.Pipeline()));

    public static TheoryData<string> ExactKinds() => ["text", "html", "pdf-text"];

    [Theory]
    [MemberData(nameof(ExactKinds))]
    public void Every_field_of_every_fixture_form_is_right(string method)
    {
        var misses = Results.Value.Where(r => r.Method == method && !r.Correct)
            .Select(r => $"{r.Case}/{r.Input} #{r.FormIndex} {r.Field}: expected {r.Expected ?? "(none)"}, got {r.Actual ?? "(none)"}").ToList();
        misses.ShouldBeEmpty(string.Join("\n", misses.Take(30)));
    }

    [Fact]
    public void Every_fixture_input_is_read()
    {
        var rejected = Results.Value.Where(r => r.Method.StartsWith("rejected", StringComparison.Ordinal)).Select(r => $"{r.Input}: {r.Method}").Distinct().ToList();
        rejected.ShouldBeEmpty(string.Join("\n", rejected));
    }

    public static TheoryData<string, string> BadInputs() => new()
    {
        { "empty.txt", "empty" },
        { "garbage.bin", "binary" },
        { "no-form.txt", "no 项目支出绩效自评表" },
        { "bad-utf8.txt", "UTF-8" },
        { "other-form.txt", "绩效目标申报表" },
        { "user-password.pdf", "user password" },
        { "truncated.pdf", "truncated" },
        { "corrupt.pdf", "damaged" },
        { "zero-pages.pdf", "no pages" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void A_bad_input_is_refused_with_a_reason_naming_the_cause(string file, string cause)
    {
        var e = Should.Throw<InputRejectedException>(() => Repo.Pipeline().Extract(InputFile.Load(Path.Combine(Repo.Fixtures, "bad", file))));
        e.Reason.ShouldContain(cause);
    }
}
