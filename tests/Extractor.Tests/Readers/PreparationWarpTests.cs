using Extractor.Grid;
using Extractor.Readers;
using Extractor.Readers.Ocr;
using Extractor.Readers.Ocr.Native;
using Extractor.Readers.Pdf;

namespace Extractor.Tests.Readers;

/// <summary>
/// A scan's values lead back to where its image prints them, though the reader deskews and straightens the page
/// before reading it: page 1 of the seed's Chromium PDF drawn at 300 dpi, read as it is and turned and tilted.
/// </summary>
public class PreparationWarpTests
{
    /// <summary>The turn given to the page (degrees clockwise): most of the deskew's range.</summary>
    private const double TurnDegrees = 1.5;

    /// <summary>How far (pixels at 300 dpi, 0.7 mm) a text box's edges may sit from where the warped page shows them.</summary>
    private const double EdgeSlack = 8;

    [Fact]
    public void A_homography_takes_each_of_its_four_points_to_its_image()
    {
        (double, double)[] from = [(0, 0), (100, 0), (100, 50), (0, 50)];
        (double, double)[] to = [(10, 5), (95, -3), (120, 60), (-4, 48)];
        var map = Homography.Through(from, to);
        foreach (var (p, q) in from.Zip(to))
        {
            var (x, y) = map.Map(p);
            x.ShouldBe(q.Item1, 1e-9);
            y.ShouldBe(q.Item2, 1e-9);
        }
    }

    [Fact]
    public void The_text_boxes_of_a_turned_and_tilted_page_are_where_its_image_prints_the_text()
    {
        var pdf = File.ReadAllBytes(Path.Combine(Repo.Fixtures, "seed", "seed.chromium.pdf"));
        using var drawn = ScanImage.Decode(PageRaster.Png(pdf, 1, 300, grey: true), 0, 80_000_000);
        using var page = Leptonica.pixConvertTo8(drawn, 0);
        var (w, h) = ((double)page.Width, (double)page.Height);
        (double X, double Y)[] corners = [(0, 0), (w, 0), (w, h), (0, h)];
        (double X, double Y)[] tilted = [(60, 40), (w - 30, 0), (w, h), (20, h - 50)];
        using var turned = Leptonica.Rotate(page, TurnDegrees * Math.PI / 180);
        using var warped = Leptonica.Projective(turned, corners, tilted);
        var tilt = Homography.Through(corners, tilted);
        (double X, double Y) Forward((double X, double Y) p)
        {
            var (c, s) = (Math.Cos(TurnDegrees * Math.PI / 180), Math.Sin(TurnDegrees * Math.PI / 180));
            var (dx, dy) = (p.X - w / 2, p.Y - h / 2);
            return tilt.Map((w / 2 + dx * c - dy * s, h / 2 + dx * s + dy * c));
        }

        var upright = UniqueTexts(Read(page));
        var read = UniqueTexts(Read(warped));
        var compared = 0;
        foreach (var (text, box) in upright)
        {
            if (!read.TryGetValue(text, out var found)) continue;
            var mapped = new[] { (box.Left, box.Top), (box.Right, box.Top), (box.Right, box.Bottom), (box.Left, box.Bottom) }.Select(Forward).ToList();
            var expected = new Box(mapped.Min(p => p.Item1), mapped.Min(p => p.Item2), mapped.Max(p => p.Item1), mapped.Max(p => p.Item2));
            new[] { found.Left - expected.Left, found.Top - expected.Top, found.Right - expected.Right, found.Bottom - expected.Bottom }
                .ShouldAllBe(d => Math.Abs(d) <= EdgeSlack, $"\"{text}\": read at {found}, printed at {expected}");
            compared++;
        }
        compared.ShouldBeGreaterThan(upright.Count / 2);
    }

    private static GridPage Read(Pix image)
    {
        Leptonica.pixSetResolution(image, 300, 300);
        var png = InputFile.FromBytes("page.png", Leptonica.Encode(image, Leptonica.FormatPng));
        return Repo.Ocr.Value.Images.Read(png, CancellationToken.None).Pages.Single();
    }

    /// <summary>The text box of each cell text the page holds once.</summary>
    private static Dictionary<string, Box> UniqueTexts(GridPage page) =>
        page.Cells.Where(c => c.Text is { Length: > 1 } && c.TextBox is not null).GroupBy(c => c.Text!)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().TextBox!.Value);
}
