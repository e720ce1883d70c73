using Extractor.Readers.Ocr;
using Extractor.Readers.Ocr.Native;
using Extractor.Readers.Pdf;

namespace Extractor.Tests.Readers;

/// <summary>A phone photo of generated dev case 1 (fixtures/photo): perspective, the dark desk around, light falling off.</summary>
public class TableFrameTests
{
    private static readonly string Photo = Path.Combine(Repo.Fixtures, "photo", "case-0000001.photo.pdf");

    private static Pix Page(int page) => ScanImage.Decode(PageRaster.Png(File.ReadAllBytes(Photo), page, 200, grey: true), 0, 80_000_000);

    /// <summary>The page binarised as the preparation does it, without straightening.</summary>
    private static Pix Binary(Pix page)
    {
        using var grey = Leptonica.pixConvertTo8(page, 0);
        using var flat = Leptonica.pixBackgroundNormSimple(grey, IntPtr.Zero, IntPtr.Zero);
        return Leptonica.pixThresholdToBinary(flat, 140);
    }

    /// <summary>Page 1 a whole table, page 3 a table open at its top whose right border the light broke.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_photographed_tables_frame_is_straightened_to_a_rectangle(int page)
    {
        var tolerance = Repo.Options().Ocr.StraightenAbove * 300 / 72;
        using (var image = Page(page))
        using (var binary = Binary(image))
            TableFrame.Find(binary)!.Distortion.ShouldBeGreaterThan(tolerance / 1.5);
        using var prepared = ScanPreparation.Prepare(Page(page), 200, Repo.Options().Ocr);
        TableFrame.Find(prepared.Binary)!.Distortion.ShouldBeLessThan(tolerance / 2);
    }

    [Fact]
    public void The_dark_desk_around_a_photographed_page_is_no_ink()
    {
        using var prepared = ScanPreparation.Prepare(Page(1), 200, Repo.Options().Ocr);
        var ink = InkMask.From(prepared.Binary);
        int w = ink.Width, h = ink.Height, edge = 4;
        PixelRect[] strips = [new(0, 0, w, edge), new(0, h - edge, w, h), new(0, 0, edge, h), new(w - edge, 0, w, h)];
        strips.Sum(ink.Count).ShouldBe(0);
    }

    /// <summary>The clean scan fixture's pages: their frames are rectangles within the tolerance, so they are not warped.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_flat_scans_frame_is_within_the_straightening_tolerance(int page)
    {
        var scan = Path.Combine(Repo.Fixtures, "seed", "seed.scan300.pdf");
        using var image = ScanImage.Decode(PageRaster.Png(File.ReadAllBytes(scan), page, 300, grey: true), 0, 80_000_000);
        using var binary = Binary(image);
        TableFrame.Find(binary)!.Distortion.ShouldBeLessThanOrEqualTo(Repo.Options().Ocr.StraightenAbove * 300 / 72);
    }

    /// <summary>
    /// The outermost ink down a frame's side: its border in most rows, slanting 1 pixel in 100 under the perspective,
    /// and in every fifth row (where light lost the border) the text of the cell inside it.
    /// </summary>
    [Fact]
    public void A_side_is_the_line_most_of_its_outermost_ink_lies_on()
    {
        var samples = Enumerable.Range(0, 1000).Select(y => (y, (int?)(y % 5 == 0 ? 180 + y % 7 : 100 + y / 100)));
        var side = SideLine.Fit(samples);
        side.At(0).ShouldBe(100, 1);
        side.At(900).ShouldBe(109, 1);
        side.Support.ShouldBe(0.8, 0.01);
    }
}
