using System.Globalization;
using System.Text;

namespace FormMaker;

/// <summary>
/// The case as a flat spreadsheet with merged cells (scripts/fixtures/html-to-fods.py over the case's HTML, in
/// the case's font, size and paper) printed by LibreOffice Calc: "case-0000001.libreoffice.pdf". The spreadsheets
/// are converted in batches by one soffice run (<see cref="Finish"/>): starting LibreOffice is the slow part.
/// </summary>
internal sealed class LibreOfficePdfProducer : IFormProducer
{
    private const int Batch = 40;

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("formmaker-lo-");
    private readonly List<(string Fods, string Pdf)> pending = [];

    public string Name => "libreoffice";

    public string? Missing() =>
        ToolRun.Installed("soffice") && ToolRun.Installed("python3") ? null : "soffice and python3 (bash scripts/setup.sh --fixture-tools)";

    public void Write(CorpusCase corpusCase, string caseFolder)
    {
        var s = corpusCase.Style;
        var html = Path.Combine(work.FullName, corpusCase.Name + ".html");
        File.WriteAllText(html, HtmlPage.Render(corpusCase), new UTF8Encoding(false));
        var fods = Path.Combine(work.FullName, corpusCase.Name + ".fods");
        var (w, h) = s.PaperMillimetres;
        ToolRun.Run("python3", [FodsScript, "--font", s.Font, "--size", s.SizePt.ToString(CultureInfo.InvariantCulture), "--paper", $"{w}x{h}", html, fods], TimeSpan.FromMinutes(1));
        pending.Add((fods, Path.GetFullPath(Path.Combine(caseFolder, corpusCase.Name + ".libreoffice.pdf"))));
        if (pending.Count >= Batch) Finish();
    }

    public void Finish()
    {
        if (pending.Count == 0) return;
        var outFolder = Path.Combine(work.FullName, "pdf");
        ToolRun.Run("soffice", ["--headless", $"-env:UserInstallation=file://{work.FullName}/profile", "--convert-to", "pdf", "--outdir", outFolder,
            .. pending.Select(p => p.Fods)], TimeSpan.FromMinutes(20));
        foreach (var (fods, pdf) in pending)
            File.Move(Path.Combine(outFolder, Path.GetFileNameWithoutExtension(fods) + ".pdf"), pdf, overwrite: true);
        pending.Clear();
    }

    /// <summary>scripts/fixtures/html-to-fods.py, found from this program's folder up to the repository.</summary>
    private static string FodsScript { get; } = FindScript();

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "scripts", "fixtures", "html-to-fods.py");
            if (File.Exists(script)) return script;
        }
        return Path.Combine(Environment.CurrentDirectory, "scripts", "fixtures", "html-to-fods.py");
    }
}
