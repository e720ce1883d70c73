using Extractor.Readers.Ocr;
using Extractor.Readers.Ocr.Native;
using Extractor.Readers.Ocr.Paddle;
using Extractor.Tables;
using Microsoft.Extensions.Configuration;

namespace Extractor.Tests.Readers;

/// <summary>A scan's ruling lines found in its image and made into tables by the PDF reader's lattice finder, on the real TIFF fixture.</summary>
public class ScanRulingsTests
{
    private static readonly string Tiff = Path.Combine(Repo.Fixtures, "variants", "variants.scan300-bw.tif");

    /// <summary>
    /// Page 1 of the black and white TIFF (from <paramref name="top"/> down), prepared at <paramref name="targetDpi"/> as
    /// the reader prepares it, and the rulings found in it.
    /// </summary>
    private static (ScanRulings Rulings, int Dpi) Found(int targetDpi, int top = 0)
    {
        var options = new OcrOptions { TargetDpi = targetDpi };
        var source = ScanImage.Decode(File.ReadAllBytes(Tiff), 0, options.MaxPixels);
        if (top > 0)
        {
            var cut = Leptonica.WithBox(0, top, source.Width, source.Height - top, b => Leptonica.pixClipRectangle(source, b, IntPtr.Zero)).OrThrow("cut the page");
            source.Dispose();
            source = cut;
        }
        using var page = ScanPreparation.Prepare(source, 300, options);
        return (ScanRulings.Find(InkMask.From(page.Binary), page.Dpi, options.Rulings), page.Dpi);
    }

    /// <summary>A page from a PGM drawing, as leptonica reads it.</summary>
    private static unsafe Pix Bitmap(byte[] pgm)
    {
        fixed (byte* data = pgm) return Leptonica.pixReadMem(data, (nuint)pgm.Length);
    }

    private static List<(int, int, int, int)> Layout(RuledTable table) =>
        table.Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)).ToList();

    [Fact]
    public void A_ruling_grid_from_a_real_fixture_scan_gives_the_cells_LatticeGridFinder_gives_for_its_lines()
    {
        var (rulings, dpi) = Found(300);
        var lattice = new LatticeGridFinder();
        var tables = rulings.Tables(lattice);
        var found = lattice.Find(rulings.Rulings);

        tables.Count.ShouldBe(found.Count);
        tables.Count.ShouldBeGreaterThan(0);
        for (var t = 0; t < tables.Count; t++)
        {
            Layout(tables[t]).ShouldBe(found[t].Cells.Select(c => (c.Cell.Row, c.Cell.Column, c.Cell.RowSpan, c.Cell.ColumnSpan)).ToList());
            foreach (var (cell, expected) in tables[t].Cells.Zip(found[t].Cells))
            {
                var box = expected.Cell.Box!.Value;
                ((double)cell.Box.Left).ShouldBe(box.Left * dpi / 72, 0.5);
                ((double)cell.Box.Bottom).ShouldBe(box.Bottom * dpi / 72, 0.5);
                // Inside the lines' ink: the rectangle a cell is read from lies within its box, clear of the rulings.
                cell.Inside.Left.ShouldBeGreaterThan(cell.Box.Left);
                cell.Inside.Right.ShouldBeLessThan(cell.Box.Right);
                cell.Inside.Top.ShouldBeGreaterThan(cell.Box.Top);
                cell.Inside.Bottom.ShouldBeLessThan(cell.Box.Bottom);
            }
        }
        // The funds block as printed: its label merged over the five rows of the funds table.
        tables[0].Cells.ShouldContain(c => c.Column == 0 && c.RowSpan == 5);
    }

    [Fact]
    public void Ruling_tolerances_are_points_so_a_page_prepared_at_150_dpi_gives_the_grid_a_300_dpi_one_gives()
    {
        ScanRulingOptions.Pixels(new ScanRulingOptions().MinLineLength, 300).ShouldBe(150);
        ScanRulingOptions.Pixels(new ScanRulingOptions().MinLineLength, 200).ShouldBe(100);

        var (fine, fineDpi) = Found(300);
        var (coarse, coarseDpi) = Found(150);
        (fineDpi, coarseDpi).ShouldBe((300, 150));
        var lattice = new LatticeGridFinder();
        coarse.Tables(lattice).Select(Layout).ShouldBe(fine.Tables(lattice).Select(Layout));
    }

    [Fact]
    public void A_table_a_page_break_cut_open_keeps_its_first_row_with_the_columns_its_lines_rule()
    {
        // The page cut through the middle of the funds table's first figures row: no line above what is left of it,
        // as Chromium prints a table continued on the next page.
        var lattice = new LatticeGridFinder();
        var whole = Found(300).Rulings.Tables(lattice)[0];
        var figures = whole.Cells.Where(c => c.Row == whole.Cells.Single(f => f.Column == 0 && f.RowSpan == 5).Row + 1).ToList();
        var cut = (figures[0].Box.Top + figures[0].Box.Bottom) / 2;

        var open = Found(300, cut).Rulings.Tables(lattice)[0];
        var first = open.Cells.Where(c => c.Row == 0).ToList();
        figures.ShouldAllBe(f => first.Any(c => Math.Abs(c.Box.Left - f.Box.Left) <= 3 && Math.Abs(c.Box.Right - f.Box.Right) <= 3));
        first.ShouldAllBe(c => c.Box.Top <= 3 && !c.Inside.IsEmpty);
        // The rest of the funds label, merged over the rows below the cut.
        var label = whole.Cells.Single(f => f.Column == 0 && f.RowSpan == 5);
        first.ShouldContain(c => c.Column == 0 && c.RowSpan == label.Row + label.RowSpan - figures[0].Row);
    }

    [Fact]
    public void A_character_stroke_as_tall_as_a_tight_row_is_no_ruling_since_it_stops_short_of_the_lines()
    {
        // A row as tight as case 21 of the generated corpus prints it: 财's stroke fills 90% of the band between the
        // row's lines, one pixel short of each; the rulings at the row's ends and middle touch both lines.
        var verticals = VerticalsOf(400, 80, fill =>
        {
            fill(10, 20, 390, 23);
            fill(10, 60, 390, 63);
            foreach (var x in new[] { 10, 200, 387 }) fill(x, 20, x + 3, 63);
            fill(100, 24, 104, 59);
        });

        verticals.ShouldBe([11, 201, 388]);
    }

    [Fact]
    public void A_bold_stroke_joining_both_lines_is_no_ruling_since_its_glyph_carries_ink_on_both_sides()
    {
        // Dense bold print (dev case 40, bilevel 200 dpi): 十's upright touches both lines of a row as tight as its
        // glyph, its bar crossing it in a quarter of the rows. The column edge at x 300 has a cell's text crowding it
        // on one side in the upper row, and stands clear in the lower: a ruling in both.
        var verticals = VerticalsOf(400, 120, fill =>
        {
            fill(10, 20, 390, 23);
            fill(10, 60, 390, 63);
            fill(10, 100, 390, 103);
            foreach (var x in new[] { 10, 300, 387 }) fill(x, 20, x + 3, 103);
            fill(100, 23, 104, 60);
            fill(90, 36, 114, 46);
            fill(280, 24, 298, 59);
        });

        verticals.ShouldBe([11, 301, 388, 11, 301, 388]);
    }

    /// <summary>The vertical rulings found on a binary page drawn by <paramref name="draw"/> (filled rectangles), as x in pixels at 300 dpi.</summary>
    private static List<int> VerticalsOf(int width, int height, Action<Action<int, int, int, int>> draw)
    {
        var ink = new bool[width, height];
        draw((x0, y0, x1, y1) =>
        {
            for (var x = x0; x < x1; x++)
                for (var y = y0; y < y1; y++) ink[x, y] = true;
        });
        var pgm = new System.Text.StringBuilder($"P2\n{width} {height}\n255\n");
        for (var y = 0; y < height; y++)
            pgm.AppendJoin(' ', Enumerable.Range(0, width).Select(x => ink[x, y] ? "0" : "255")).Append('\n');
        using var grey = Bitmap(System.Text.Encoding.ASCII.GetBytes(pgm.ToString()));
        using var page = Leptonica.pixThresholdToBinary(grey, 128);
        var rulings = ScanRulings.Find(InkMask.From(page), 300, new ScanRulingOptions()).Rulings;
        return rulings.Where(r => !r.Horizontal).Select(r => (int)Math.Round(r.Position * 300 / 72)).ToList();
    }

    [Fact]
    public void Ruling_tolerances_and_line_batching_are_bound_from_pipeline_json_with_their_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Extractor:Ocr:Rulings:MaxLineThickness"] = "5",
            ["Extractor:Ocr:Batching:RunPixels"] = "5120",
        }).Build();
        var ocr = PipelineOptions.From(configuration, Repo.Root).Ocr;

        ocr.Rulings.MaxLineThickness.ShouldBe(5);
        ocr.Rulings.MinLineLength.ShouldBe(36);
        ocr.Batching.RunPixels.ShouldBe(5120);
        (ocr.Batching.BucketWidth, ocr.Batching.MinWidth).ShouldBe((32, 320));

        ocr.Batching.BucketWidth = 30;
        ocr.Rulings.MinCrossingFill = 0;
        ocr.Validate(Repo.Root).ShouldContain(e => e.Contains("Extractor:Ocr:Batching:BucketWidth"));
        ocr.Validate(Repo.Root).ShouldContain(e => e.Contains("Extractor:Ocr:Rulings:MinCrossingFill"));
        ocr.Rulings.MaxCrossingBothSidesInk.ShouldBe(0.1);
        ocr.Rulings.MaxCrossingSideInk = 2;
        ocr.Validate(Repo.Root).ShouldContain(e => e.Contains("Extractor:Ocr:Rulings:MaxCrossingSideInk"));
    }

    [Fact]
    public void A_scan_page_keeps_the_rulings_it_was_read_from_in_the_files_pixels()
    {
        var page = Repo.Ocr.Value.Images.Read(Extractor.Readers.InputFile.Load(Tiff), CancellationToken.None).Pages[0];
        page.Rulings.Count.ShouldBeGreaterThan(20);
        var (width, height) = page.Size!.Value;
        page.Rulings.ShouldAllBe(r => r.Left >= 0 && r.Right <= width && r.Top >= 0 && r.Bottom <= height);
        // The ruled cells' boxes start on the centres of rulings kept: the cells are made of these lines.
        bool OnRuling(Grid.Box box) =>
            page.Rulings.Any(r => r.Width < r.Height && Math.Abs((r.Left + r.Right) / 2 - box.Left) < 3)
            && page.Rulings.Any(r => r.Width > r.Height && Math.Abs((r.Top + r.Bottom) / 2 - box.Top) < 3);
        page.Cells.Count(c => c.Box is { } box && OnRuling(box)).ShouldBeGreaterThan(100);
    }
}
