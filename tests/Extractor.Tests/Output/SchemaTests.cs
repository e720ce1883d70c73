using System.Text.Json.Nodes;
using Extractor.Output;
using Extractor.Readers;
using Json.Schema;

namespace Extractor.Tests.Output;

public class SchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(FormSchema.Text());

    public static TheoryData<string> FixtureInputs() => new(Repo.FixtureInputs());

    [Theory]
    [MemberData(nameof(FixtureInputs))]
    public void Every_document_made_from_a_fixture_is_valid_against_the_published_schema(string input)
    {
        foreach (var form in Repo.Extracted(input).Forms)
        {
            var result = Schema.Evaluate(JsonNode.Parse(FormJson.Serialize(form)), new EvaluationOptions { OutputFormat = OutputFormat.List });
            result.IsValid.ShouldBeTrue(string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
    }

    [Fact]
    public void The_schema_rejects_a_document_that_breaks_the_contract()
    {
        var json = JsonNode.Parse(FormJson.Serialize(new EvaluationForm { Source = new Source { File = "x.txt", Sha256 = new string('a', 64), FormIndex = 1, Method = "text" } }))!;
        Schema.Evaluate(json).IsValid.ShouldBeTrue();
        json["title"] = "";
        Schema.Evaluate(json).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Output_names_are_readable_stable_and_differ_for_other_content()
    {
        var a = new EvaluationForm { Source = new Source { File = "2020 自评表.pdf", Sha256 = "3040adc6ab17b275", FormIndex = 2 } };
        var b = new EvaluationForm { Source = new Source { File = "2020 自评表.pdf", Sha256 = "ffffadc6ab17b275", FormIndex = 2 } };
        FormJson.FileName(a).ShouldBe("2020 自评表_02_3040adc6.json");
        FormJson.FileName(b).ShouldNotBe(FormJson.FileName(a));
    }

    [Fact]
    public void Documents_are_written_atomically_leaving_no_temporary_file()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var form = Repo.Pipeline().Extract(InputFile.Load(Repo.Seed)).Forms[0];
        var path = FormJson.Write(form, folder);
        Directory.GetFiles(folder).ShouldBe([path]);
        File.ReadAllText(path).ShouldContain("\"projectName\": \"上海绿化和市容管理局“一网通办”政务服务管理系统\"");
    }
}
