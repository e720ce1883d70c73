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

    /// <summary>Every cell's text of the fixture, page by page: what two prints of one form must agree on.</summary>
    private static List<string?> CellTexts(string fixture) => Read(Fixture(fixture)).Pages.SelectMany(p => p.Cells).Select(c => c.Text).ToList();

    [Fact]
    public void An_owner_password_encrypted_pdf_reads_like_the_plain_one()
    {
        CellTexts("seed/seed.owner-encrypted.pdf").ShouldBe(CellTexts("seed/seed.chromium.pdf"));
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
        CellTexts("seed/seed.rotated.pdf").ShouldBe(CellTexts("seed/seed.landscape.pdf"));
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

    [Fact]
    public void A_page_whose_text_layer_is_private_use_characters_is_refused_as_unreadable_when_no_ocr_is_available()
    {
        var garbage = new Dictionary<char, string> { ['A'] = "E001", ['B'] = "E002", ['C'] = "E003", ['D'] = "E004", ['E'] = "E005", ['F'] = "E006" };
        var file = InputFile.FromBytes("garbled.pdf", HandWrittenPdf.Build("BT /F1 10 Tf 55 686 Td (ABCDEF) Tj ET", garbage));

        var e = Should.Throw<InputRejectedException>(() => new PdfTextReader(null).Read(file, CancellationToken.None));
        e.Reason.ShouldStartWith("page 1 has a text layer of unreadable characters");
    }

    [Fact]
    public void Kangxi_and_supplement_radicals_in_a_ruled_table_read_as_the_ideographs()
    {
        // As WPS exports often map them: 项⽬ (U+2F6C for 目), 部⻔ (U+2ED4 for 门). The font's ToUnicode map
        // says so; the two-by-two table is drawn with stroked lines.
        var toUnicode = new Dictionary<char, string> { ['A'] = "9879", ['B'] = "2F6C", ['C'] = "540D", ['D'] = "79F0", ['E'] = "90E8", ['F'] = "2ED4" };
        var file = InputFile.FromBytes("radicals.pdf", HandWrittenPdf.Build("""
            0.5 w 50 700 m 350 700 l S 50 680 m 350 680 l S 50 660 m 350 660 l S
            50 700 m 50 660 l S 150 700 m 150 660 l S 350 700 m 350 660 l S
            BT /F1 10 Tf 55 686 Td (ABCD) Tj ET
            BT /F1 10 Tf 55 666 Td (EF) Tj ET
            """, toUnicode));

        var cells = new PdfTextReader(null).Read(file, CancellationToken.None).Pages.Single().Cells;
        cells.Select(c => (c.Row, c.Column, c.Text)).ShouldBe([(0, 0, "项目名称"), (1, 0, "部门")]);
    }
}

/// <summary>A one-page PDF written byte by byte: a text layer in a font not embedded (SimSun) whose ToUnicode map the test chooses.</summary>
internal static class HandWrittenPdf
{
    public static byte[] Build(string content, IReadOnlyDictionary<char, string> toUnicode)
    {
        var cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def "
            + "1 begincodespacerange <00> <FF> endcodespacerange "
            + $"{toUnicode.Count} beginbfchar " + string.Concat(toUnicode.Select(m => $"<{(int)m.Key:X2}> <{m.Value}> "))
            + "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /TrueType /BaseFont /SimSun /FirstChar 65 /LastChar 70 /Widths [1000 1000 1000 1000 1000 1000] /FontDescriptor 7 0 R /ToUnicode 6 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            $"<< /Length {cmap.Length} >>\nstream\n{cmap}\nendstream",
            "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>",
        ];
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
