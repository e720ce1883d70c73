using System.Globalization;
using System.Text;

namespace FormMaker;

/// <summary>
/// Files converted by LibreOffice in batches, one soffice run for many (starting LibreOffice is the slow part): the
/// case's HTML as it is, or written as a flat spreadsheet by scripts/fixtures/html-to-fods.py in the case's font,
/// size and paper, converted with <c>arguments</c> and moved to the case folder as "case-0000001.TAG".
/// </summary>
internal sealed class SofficeBatch(string extension, IReadOnlyList<string> arguments)
{
    private const int Batch = 40;

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("formmaker-lo-");
    private readonly List<(string Source, string Target)> pending = [];

    public static string? Missing() =>
        ToolRun.Installed("soffice") && ToolRun.Installed("python3") ? null : "soffice and python3 (bash scripts/setup.sh --fixture-tools)";

    /// <summary>Queues the case's HTML (<paramref name="fods"/> null) or its spreadsheet made with those html-to-fods.py options.</summary>
    public void Add(CorpusCase corpusCase, string caseFolder, string tag, IReadOnlyList<string>? fods)
    {
        var html = Path.Combine(work.FullName, corpusCase.Name + ".html");
        File.WriteAllText(html, HtmlPage.Render(corpusCase), new UTF8Encoding(false));
        var source = html;
        if (fods is not null)
        {
            var s = corpusCase.Style;
            var (w, h) = s.PaperMillimetres;
            source = Path.Combine(work.FullName, corpusCase.Name + ".fods");
            ToolRun.Run("python3", [FodsScript, .. fods, "--font", s.Font, "--size", s.SizePt.ToString(CultureInfo.InvariantCulture), "--paper", $"{w}x{h}", html, source],
                TimeSpan.FromMinutes(1));
        }
        pending.Add((source, Path.GetFullPath(Path.Combine(caseFolder, $"{corpusCase.Name}.{tag}"))));
        if (pending.Count >= Batch) Finish();
    }

    public void Finish()
    {
        if (pending.Count == 0) return;
        var outFolder = Path.Combine(work.FullName, "out");
        ToolRun.Run("soffice", ["--headless", $"-env:UserInstallation=file://{work.FullName}/profile", .. arguments, "--outdir", outFolder,
            .. pending.Select(p => p.Source)], TimeSpan.FromMinutes(20));
        foreach (var (source, target) in pending)
            File.Move(Path.Combine(outFolder, Path.GetFileNameWithoutExtension(source) + "." + extension), target, overwrite: true);
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
