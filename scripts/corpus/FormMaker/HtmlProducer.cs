using System.Text;

namespace FormMaker;

/// <summary>The case as an Excel-style HTML file (<see cref="HtmlPage"/>): "case-0000001.html".</summary>
internal sealed class HtmlProducer : IFormProducer
{
    public string Name => "html";

    public string? Missing() => null;

    public void Write(CorpusCase corpusCase, string caseFolder) =>
        File.WriteAllText(Path.Combine(caseFolder, corpusCase.Name + ".html"), HtmlPage.Render(corpusCase), new UTF8Encoding(false));
}
