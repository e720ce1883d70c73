using ScanMaker;

namespace FormMaker;

/// <summary>
/// A case's Chromium PDF as a scan (issue 13): its pages rasterised by pdftoppm at the kind's resolution and
/// degraded by scripts/fixtures/ScanMaker's <see cref="ScanPrinter"/> by a recipe each kind draws from the case
/// seed, so the same case always makes the same scan. The Chromium PDF the chromium producer wrote into the case
/// folder is used when it is there (producers run by name, "chromium" first); otherwise it is printed aside. Scans
/// are made only when named on the command line (<see cref="IFormProducer.ByDefault"/>).
/// </summary>
internal abstract class ScanProducer : IFormProducer
{
    public abstract string Name { get; }

    /// <summary>Resolution the pages are rasterised at.</summary>
    protected abstract int Dpi { get; }

    /// <summary>".pdf" for image-only PDFs, ".tif" for multi-page TIFF.</summary>
    protected virtual string Extension => ".pdf";

    /// <summary>The kind's recipe for one case of <paramref name="pages"/> pages, drawn from <paramref name="random"/> (the case
    /// seed and the kind's name); <paramref name="work"/> is a folder for what the recipe needs made (a seal).</summary>
    protected abstract ScanRecipe Draw(Random random, CorpusCase corpusCase, int pages, string work);

    public bool ByDefault => false;

    public string? Missing() =>
        !ToolRun.Installed("chromium") ? "chromium (bash scripts/setup.sh --fixture-tools)"
        : !ToolRun.Installed("pdftoppm") ? "pdftoppm (poppler-utils)" : null;

    public void Write(CorpusCase corpusCase, string caseFolder)
    {
        var work = Directory.CreateTempSubdirectory("formmaker-scan-");
        try
        {
            var pdf = Path.Combine(caseFolder, corpusCase.Name + ".chromium.pdf");
            if (!File.Exists(pdf))
            {
                new ChromiumPdfProducer().Write(corpusCase, work.FullName);
                pdf = Path.Combine(work.FullName, corpusCase.Name + ".chromium.pdf");
            }
            var prefix = Path.Combine(work.FullName, "page");
            ToolRun.Run("pdftoppm", ["-r", Dpi.ToString(), "-gray", "-png", pdf, prefix], TimeSpan.FromMinutes(2));
            var pages = Directory.GetFiles(work.FullName, "page-*.png").Order(StringComparer.Ordinal).ToList();
            var recipe = Draw(new Random(StableSeed(corpusCase.Seed, Name)), corpusCase, pages.Count, work.FullName);
            ScanPrinter.Print(recipe, pages, Path.Combine(caseFolder, $"{corpusCase.Name}.{Name}{Extension}"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Each kind draws its own numbers from the case seed (string hash codes change from run to run; this does not).</summary>
    private static int StableSeed(int seed, string name) => name.Aggregate(seed, (hash, c) => unchecked(hash * 31 + c));

    /// <summary>A turn per page, uniform within ±<paramref name="degrees"/>, for as many pages as a case can print.</summary>
    protected static double[] Skews(Random random, double degrees) =>
        Enumerable.Range(0, MaxPages).Select(_ => (random.NextDouble() * 2 - 1) * degrees).ToArray();

    /// <summary>Pages a case's skews are drawn for; more pages cycle through them.</summary>
    private const int MaxPages = 12;
}
