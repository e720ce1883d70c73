using Extractor.Grid;
using Extractor.Readers;

namespace Extractor.Tests.Readers;

public class PagePictureTests
{
    private static (int Width, int Height) Size(byte[] png) =>
        (png[16] << 24 | png[17] << 16 | png[18] << 8 | png[19], png[20] << 24 | png[21] << 16 | png[22] << 8 | png[23]);

    [Fact]
    public void A_pdf_page_area_is_drawn_at_the_asked_resolution_from_its_box_in_points()
    {
        var pdf = InputFile.Load(Path.Combine(Repo.Fixtures, "seed", "seed.chromium.pdf"));
        var (png, scale) = PagePicture.Png(pdf, 1, 144, new Box(72, 72, 216, 108), [new Box(80, 80, 200, 100)]);
        scale.ShouldBe(2);
        Size(png).ShouldBe((288, 72));
    }

    [Fact]
    public void An_image_file_is_cut_from_its_own_pixels()
    {
        var tif = InputFile.Load(Path.Combine(Repo.Fixtures, "variants", "variants.scan300-bw.tif"));
        var box = new Box(100, 100, 400, 200);
        var (png, scale) = PagePicture.Png(tif, 2, 300, new Box(50, 50, 450, 250), [box]);
        scale.ShouldBe(1);
        Size(png).ShouldBe((400, 200));
        var (whole, _) = PagePicture.Png(tif, 2, 300);
        (Size(whole).Width > 2000).ShouldBeTrue("the page, uncut, at its pixels");
    }

    [Fact]
    public void A_text_input_has_no_page_to_draw()
    {
        Should.Throw<InputRejectedException>(() => PagePicture.Png(InputFile.Load(Repo.Seed), 1, 100)).Reason.ShouldContain("no pages to draw");
    }
}
