using System.CommandLine;
using Extractor.Grid;
using Extractor.Readers;
using Extractor.Readers.Pdf;

namespace Extractor.Cli;

/// <summary>
/// `extractor debug FILE --out DIR [--page N]`: the intermediates of one input, kept and drawn. Per page, the grid as
/// tab-separated rows (`.grid.tsv`) and, where cells have boxes (PDFs, scans), an SVG of the boxes over the page image.
/// </summary>
internal static class DebugVerb
{
    private const int Dpi = 100;

    public static Command Create(GlobalOptions global)
    {
        var input = new Argument<string>("file") { Description = "the input to inspect" };
        var output = new Option<string>("--out", "-o") { Description = "folder the drawings are written to", Required = true };
        var pageOption = new Option<int?>("--page") { Description = "only this page (1-based)" };
        var command = new Command("debug", "Draw the grid the reader found over each page, and write it as rows, to see a wrong cell") { input, output, pageOption };
        command.SetAction(parse => Cli.Run(parse, global, (config, log) =>
        {
            var path = parse.GetValue(input)!;
            if (!File.Exists(path)) throw new UsageException($"no such file: {path}");
            var outFolder = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var only = parse.GetValue(pageOption);
            var file = InputFile.Load(path);
            GridDocument grid;
            InputKind kind;
            try
            {
                using var pipeline = new ExtractionPipeline(config.Options);
                (kind, grid) = pipeline.ReadGrid(file);
            }
            catch (InputRejectedException e)
            {
                log.Error("{File}: {Reason}", path, e.Reason);
                return ExitCodes.SomeInputFailed;
            }

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
                    var background = kind == InputKind.Pdf && page.Method == ReadMethod.PdfText ? RenderPdfPage(file.Bytes, number, log) : null;
                    File.WriteAllText(name + ".svg", GridDrawing.Svg(page, background, config.Options.LowConfidenceThreshold));
                    written += $", {name}.svg";
                }
                Console.Out.WriteLine($"page {number} ({page.Method}): {page.RowCount} rows × {page.ColumnCount} columns, {page.Cells.Count} cells: {written}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The page as poppler renders it (PDF boxes are in points, 72 to the inch); none when pdftoppm cannot.</summary>
    private static PageBackground? RenderPdfPage(byte[] pdf, int number, Serilog.ILogger log)
    {
        try
        {
            var png = PageRaster.Png(pdf, number, Dpi, grey: false);
            // PNG's IHDR: width and height, big-endian, at bytes 16 and 20.
            int Read(int at) => png[at] << 24 | png[at + 1] << 16 | png[at + 2] << 8 | png[at + 3];
            return new PageBackground(png, Read(16), Read(20), Dpi / 72.0);
        }
        catch (Exception e) when (e is InputRejectedException or System.ComponentModel.Win32Exception)
        {
            log.Warning("page {Page}: drawn without the page image ({Reason})", number, e.Message);
            return null;
        }
    }
}
