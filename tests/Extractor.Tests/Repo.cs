using Extractor.Forms;
using Extractor.Grid;
using Extractor.Readers;
using Extractor.Readers.Text;

namespace Extractor.Tests;

/// <summary>Paths into the repository and grids built by the real text reader from rows of real forms.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "fixtures");

    public static string Seed => Path.Combine(Fixtures, "seed", "000_3040adc6ab17b275.txt");

    /// <summary>
    /// The real originals of ../shared/real (never copied into the repository): beside the repository's folder, or beside
    /// the folder that holds it (a worktree of /work/wt/NAME sees /work/shared). Missing is a failure of the tests that read
    /// them, never a skip; the other tests do not depend on it.
    /// </summary>
    public static string Real => RealFolder.Value;

    private static readonly Lazy<string> RealFolder = new(FindReal);

    /// <summary>Rows as the text reader makes them from tab-separated lines ("⇥" may stand for a tab).</summary>
    public static IReadOnlyList<GridRow> Rows(params string[] lines)
    {
        var text = string.Join("\n", lines).Replace(" ⇥ ", "\t").Replace("⇥", "\t");
        var document = new TabTextReader().Read(InputFile.FromBytes("rows.txt", System.Text.Encoding.UTF8.GetBytes(text)), CancellationToken.None);
        return document.Pages[0].Rows();
    }

    /// <summary>Rows as the HTML reader makes them from the &lt;tr&gt; rows of one table (spans kept).</summary>
    public static FormSegment HtmlSegment(params string[] rows)
    {
        var html = "<html><body><table>" + string.Concat(rows) + "</table></body></html>";
        var document = new Extractor.Readers.Html.HtmlTableReader().Read(InputFile.FromBytes("rows.html", System.Text.Encoding.UTF8.GetBytes(html)), CancellationToken.None);
        return new() { Rows = document.Pages[0].Rows(), Kind = FormKind.SelfEvaluation };
    }

    public static FormSegment Segment(params string[] lines) =>
        new() { Rows = Rows(lines), Kind = FormKind.SelfEvaluation };

    public static PipelineOptions Options() => new() { BaseFolder = Root };

    /// <summary>One set of OCR engines for every test: initialising tesseract is the slow part.</summary>
    public static readonly Lazy<Extractor.Readers.Ocr.OcrReaders> Ocr = new(() => Extractor.Readers.Ocr.OcrReaders.Create(Options()));

    /// <summary>The default pipeline, on the shared OCR engines.</summary>
    public static ExtractionPipeline Pipeline() => new(Options(), Ocr.Value);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<FileExtraction>> Extractions = new();

    /// <summary>
    /// A fixture input (path relative to fixtures/) read once for every test class that looks at its documents: the
    /// scans take seconds each. Tests must not change what it returns.
    /// </summary>
    public static FileExtraction Extracted(string input) =>
        Extractions.GetOrAdd(input, name => new Lazy<FileExtraction>(() => Pipeline().Extract(InputFile.Load(Path.Combine(Fixtures, name))))).Value;

    /// <summary>Every input of the fixture cases (folders with expected documents), relative to fixtures/.</summary>
    public static IEnumerable<string> FixtureInputs() =>
        Directory.GetDirectories(Fixtures).Where(d => Directory.Exists(Path.Combine(d, "expected"))).Order()
            .SelectMany(Extractor.Accuracy.AccuracyReport.Inputs)
            .Select(input => Path.GetRelativePath(Fixtures, input));

    private static string FindReal()
    {
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "real"))) return Path.Combine(dir.FullName, "shared", "real");
        throw new InvalidOperationException("shared/real (the real originals) not found beside " + Root + " or above it");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Extractor.sln"))) return dir.FullName;
        throw new InvalidOperationException("Extractor.sln not found above " + AppContext.BaseDirectory);
    }
}
