using System.Text;

namespace FormMaker;

/// <summary>
/// The case's HTML printed by headless Chromium on the case's paper (A4/A3, portrait or landscape, its own @page
/// rule), as scripts/fixtures/make-pdfs.sh prints the fixtures: "case-0000001.chromium.pdf".
/// </summary>
internal sealed class ChromiumPdfProducer : IFormProducer
{
    public string Name => "chromium";

    public string? Missing() => ToolRun.Installed("chromium") ? null : "chromium (bash scripts/setup.sh --fixture-tools)";

    public void Write(CorpusCase corpusCase, string caseFolder)
    {
        var work = Directory.CreateTempSubdirectory("formmaker-");
        try
        {
            var html = Path.Combine(work.FullName, corpusCase.Name + ".html");
            File.WriteAllText(html, HtmlPage.Render(corpusCase), new UTF8Encoding(false));
            Print(html, Path.GetFullPath(Path.Combine(caseFolder, corpusCase.Name + ".chromium.pdf")), work.FullName);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Prints an HTML file to a PDF on the paper its @page rule names, with a browser profile in <paramref name="work"/>.</summary>
    public static void Print(string html, string pdf, string work) =>
        ToolRun.Run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            $"--user-data-dir={Path.Combine(work, "profile")}", $"--print-to-pdf={pdf}", "file://" + html], TimeSpan.FromMinutes(2));
}
