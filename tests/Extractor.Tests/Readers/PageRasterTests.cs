using Extractor.Readers;
using Extractor.Readers.Pdf;
using UglyToad.PdfPig;

namespace Extractor.Tests.Readers;

public class PageRasterTests
{
    [Fact]
    public void PageRaster_draws_the_asked_page_as_a_png_at_the_asked_resolution()
    {
        var pdf = File.ReadAllBytes(Path.Combine(Repo.Fixtures, "seed", "seed.chromium.pdf"));
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(2);

        var png = PageRaster.Png(pdf, 2, 100, grey: true);

        png.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var width = png[16] << 24 | png[17] << 16 | png[18] << 8 | png[19];
        Math.Abs(width - page.Width * 100 / 72).ShouldBeLessThan(1.5);
    }

    [Fact]
    public void PageRaster_refuses_a_page_the_pdf_does_not_have_with_poppler_s_reason()
    {
        var pdf = File.ReadAllBytes(Path.Combine(Repo.Fixtures, "bad", "corrupt.pdf"));
        Should.Throw<InputRejectedException>(() => PageRaster.Png(pdf, 1, 100, grey: true)).Reason.ShouldStartWith("pdftoppm could not draw page 1");
    }
}
