using System.Text;
using System.Text.Json.Nodes;
using Extractor.Output;

namespace FormMaker;

/// <summary>
/// A form's truth as an expected document of fixtures/README.md: the contract document written by the project's
/// own serialiser, with source reduced to its formIndex and no trace or corrections.
/// </summary>
internal static class ExpectedDocument
{
    public static string Json(EvaluationForm form)
    {
        var node = JsonNode.Parse(FormJson.Serialize(form))!.AsObject();
        node.Remove("trace");
        node.Remove("corrections");
        node["source"] = new JsonObject { ["formIndex"] = form.Source.FormIndex };
        return node.ToJsonString(FormJson.Options) + "\n";
    }

    public static void Write(CorpusCase corpusCase, string caseFolder)
    {
        var folder = Directory.CreateDirectory(Path.Combine(caseFolder, "expected")).FullName;
        foreach (var form in corpusCase.Forms)
            File.WriteAllText(Path.Combine(folder, $"{form.Truth.Source.FormIndex:00}.json"), Json(form.Truth), new UTF8Encoding(false));
    }
}
