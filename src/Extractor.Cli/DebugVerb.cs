using System.CommandLine;
using Extractor.Grid;
using Extractor.Output;
using Extractor.Readers;

namespace Extractor.Cli;

/// <summary>
/// `extractor debug FILE --out DIR [--page N]`: the intermediates of one input, kept and drawn. Per page, the grid as
/// tab-separated rows (`.grid.tsv`) and, where cells have boxes (PDFs, scans, images), an SVG of the boxes (and of a
/// scan's rulings) over the page image (a scan's as the OCR reader prepared it) and one of the traced values
/// (`.trace.svg`: each value's box labelled with its path).
/// </summary>
internal static class DebugVerb
{
    private const int Dpi = 100;

    public static Command Create(GlobalOptions global)
    {
        var input = new Argument<string>("file") { Description = "the input to inspect" };
        var output = new Option<string>("--out", "-o") { Description = "folder the drawings are written to", Required = true };
        var pageOption = new Option<int?>("--page") { Description = "only this page (1-based)" };
        var command = new Command("debug", "Draw the grid the reader found and the traced values over each page, and write the grid as rows, to see a wrong cell") { input, output, pageOption };
        command.SetAction(parse => Cli.Run(parse, global, (config, log) =>
        {
            var path = parse.GetValue(input)!;
            if (!File.Exists(path)) throw new UsageException($"no such file: {path}");
            var outFolder = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var only = parse.GetValue(pageOption);
            var file = InputFile.Load(path);
            GridDocument grid;
            IReadOnlyList<EvaluationForm> forms = [];
            try
            {
                using var pipeline = new ExtractionPipeline(config.Options);
                var (kind, read) = pipeline.ReadGrid(file);
                grid = read;
                forms = FormsOf(pipeline, file, kind, grid, log);
            }
            catch (InputRejectedException e)
            {
                log.Error("{File}: {Reason}", path, e.Reason);
                return ExitCodes.SomeInputFailed;
            }

            var threshold = config.Options.LowConfidenceThreshold;
            var stem = Path.GetFileNameWithoutExtension(path);
            for (var i = 0; i < grid.Pages.Count; i++)
            {
                var page = grid.Pages[i];
                var number = page.Number ?? i + 1;
                if (only is not null && number != only) continue;
                var name = Path.Combine(outFolder, $"{stem}.p{number}");
                File.WriteAllText(name + ".grid.tsv", GridDrawing.Tsv(page));
                var written = $"{name}.grid.tsv";
                if (page.Cells.Any(c => c.Box is not null))
                {
                    // A scan's grid is drawn over the page as prepared (upright: the cells fall on its lines), its
                    // trace over the page as printed, where the review page cuts the values from.
                    var original = Background(file, number, log);
                    var background = ReadMethod.IsOcr(page.Method)
                        ? Prepared(file, number, config.Options.Ocr, log)
                        : original;
                    File.WriteAllText(name + ".svg", GridDrawing.Svg(page, background, threshold));
                    File.WriteAllText(name + ".trace.svg", GridDrawing.Traced(TracedOn(forms, number), original, threshold));
                    written += $", {name}.svg, {name}.trace.svg";
                }
                Console.Out.WriteLine($"page {number} ({page.Method}{(page.Sheet is { } sheet ? $", sheet {sheet}" : "")}): {page.RowCount} rows × {page.ColumnCount} columns, {page.Cells.Count} cells: {written}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The forms of the grid; none (with the reason logged) when it holds no form, so the grid is still drawn.</summary>
    private static IReadOnlyList<EvaluationForm> FormsOf(ExtractionPipeline pipeline, InputFile file, InputKind kind, GridDocument grid, Serilog.ILogger log)
    {
        try
        {
            return pipeline.Extract(file, kind, grid).Forms;
        }
        catch (InputRejectedException e)
        {
            log.Warning("{File}: no traced values to draw ({Reason})", file.Name, e.Reason);
            return [];
        }
    }

    /// <summary>Every traced box printed on the page, of every form (a value's first page and the pages it continues on).</summary>
    private static List<(string Path, Box Box, double Confidence)> TracedOn(IReadOnlyList<EvaluationForm> forms, int page)
    {
        var values = new List<(string, Box, double)>();
        foreach (var form in forms)
            foreach (var (path, entry) in form.Trace)
            {
                var label = forms.Count > 1 ? $"#{form.Source.FormIndex} {path}" : path;
                if (entry.Page == page && entry.Box is { } box) values.Add((label, ToBox(box), entry.Confidence ?? 1));
                foreach (var part in entry.Continued ?? [])
                    if (part.Page == page) values.Add((label, ToBox(part.Box), entry.Confidence ?? 1));
            }
        return values;
    }

    private static Box ToBox(double[] box) => new(box[0], box[1], box[2], box[3]);

    /// <summary>A scanned page as the OCR reader prepared it (deskewed: the rulings and cells found fall on its lines); none when it cannot be drawn.</summary>
    private static PageBackground? Prepared(InputFile file, int number, Extractor.Readers.Ocr.OcrOptions options, Serilog.ILogger log)
    {
        try
        {
            return Extractor.Readers.Ocr.PreparedPicture.Of(file, number, options, Dpi);
        }
        catch (Exception e) when (e is InputRejectedException or InvalidOperationException)
        {
            log.Warning("page {Page}: drawn without the page image ({Reason})", number, e.Message);
            return null;
        }
    }

    /// <summary>The page as the review page shows it (PDF boxes in points at 72 to the inch, images in their pixels); none when it cannot be drawn.</summary>
    private static PageBackground? Background(InputFile file, int number, Serilog.ILogger log)
    {
        try
        {
            var (png, scale) = PagePicture.Png(file, number, Dpi);
            // PNG's IHDR: width and height, big-endian, at bytes 16 and 20.
            int Read(int at) => png[at] << 24 | png[at + 1] << 16 | png[at + 2] << 8 | png[at + 3];
            return new PageBackground(png, Read(16), Read(20), scale);
        }
        catch (Exception e) when (e is InputRejectedException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            log.Warning("page {Page}: drawn without the page image ({Reason})", number, e.Message);
            return null;
        }
    }
}
