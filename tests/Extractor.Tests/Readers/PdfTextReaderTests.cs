using Extractor.Grid;
using Extractor.Readers;
using Extractor.Readers.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Extractor.Tests.Readers;

public class PdfTextReaderTests
{
    private static GridDocument Read(string path) => new PdfTextReader(null).Read(InputFile.Load(path), CancellationToken.None);

    private static string Fixture(string relative) => Path.Combine(Repo.Fixtures, relative);

    [Fact]
    public void An_owner_password_encrypted_pdf_reads_like_the_plain_one()
    {
        var plain = Read(Fixture("seed/seed.chromium.pdf"));
        var encrypted = Read(Fixture("seed/seed.owner-encrypted.pdf"));
        encrypted.Pages.SelectMany(p => p.Cells).Select(c => c.Text)
            .ShouldBe(plain.Pages.SelectMany(p => p.Cells).Select(c => c.Text));
    }

    [Fact]
    public void Every_cell_keeps_its_page_and_its_box_in_points_from_the_top_left()
    {
        var first = Read(Fixture("seed/seed.chromium.pdf")).Pages[0];
        first.Number.ShouldBe(1);
        first.Method.ShouldBe(ReadMethod.PdfText);
        var label = first.Cells.First(c => c.Text == "项目名称");
        label.Box.ShouldNotBeNull();
        var box = label.Box!.Value;
        box.Top.ShouldBeLessThan(first.Cells.First(c => c.Text == "主管部门").Box!.Value.Top);
        box.Left.ShouldBeLessThan(40);
        box.Width.ShouldBeGreaterThan(20);
        box.Bottom.ShouldBeLessThan(792);
    }

    [Fact]
    public void A_rotated_landscape_page_reads_upright()
    {
        var rotated = Read(Fixture("seed/seed.rotated.pdf"));
        var landscape = Read(Fixture("seed/seed.landscape.pdf"));
        rotated.Pages.SelectMany(p => p.Cells).Select(c => c.Text)
            .ShouldBe(landscape.Pages.SelectMany(p => p.Cells).Select(c => c.Text));
    }

    [Fact]
    public void A_row_cut_by_a_page_break_is_joined_into_the_cells_it_continues()
    {
        // Narrow print of seed form 2: its goals row starts at the foot of page 2 and ends at the top of page 3.
        var document = Read(Fixture("seed/seed.narrow.pdf"));
        var cells = document.Pages.SelectMany(p => p.Cells).ToList();
        cells.ShouldContain(c => c.Text == "完成上海市绿化市容视频共享交换平台建设项目，接入大于50路视频。");
        cells.ShouldNotContain(c => c.Text == "50路视频。");
    }

    [Fact]
    public void A_form_continued_on_the_next_page_lists_both_pages_in_its_source()
    {
        var forms = Repo.Pipeline().Extract(InputFile.Load(Fixture("seed/seed.chromium.pdf"))).Forms;
        forms.Select(f => f.Source.Method).Distinct().ShouldBe([ReadMethod.PdfText]);
        forms[0].Source.Pages.ShouldBe([1]);
        forms[1].Source.Pages.ShouldBe([1, 2]);
    }

    [Fact]
    public void A_page_without_a_text_layer_is_refused_when_no_ocr_is_available()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 500), 300, 200, 1);
        var scan = InputFile.FromBytes("scan.pdf", builder.Build());

        var e = Should.Throw<InputRejectedException>(() => new PdfTextReader(null).Read(scan, CancellationToken.None));
        e.Reason.ShouldBe("page 1 has no text layer (a scan) and OCR is not available");
    }
}
