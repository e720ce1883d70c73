using Extractor.Readers;
using Extractor.Readers.Pdf;
using Extractor.Tests.Readers;

namespace Extractor.Tests.Tables;

public class StreamGridFinderTests
{
    /// <summary>A borderless table in a real PDF: codes A–H print as the ideographs of seed form 1's rows (via ToUnicode).</summary>
    private static readonly Dictionary<char, string> Glyphs = new()
    {
        ['A'] = "6570", ['B'] = "91CF", ['C'] = "6307", ['D'] = "6807", // 数 量 指 标
        ['E'] = "8D28", ['F'] = "89C4", ['G'] = "8303", ['H'] = "5206", // 质 规 范 分
    };

    [Fact]
    public void A_page_without_ruling_lines_is_read_row_by_row_with_its_runs_of_text_as_cells()
    {
        var pdf = HandWrittenPdf.Build("""
            BT /F1 10 Tf 50 700 Td (ABCD) Tj 150 0 Td (FG) Tj 100 0 Td (20) Tj ET
            BT /F1 10 Tf 50 680 Td (EBCD) Tj 150 0 Td (FG) Tj 100 0 Td (15) Tj ET
            BT /F1 10 Tf 50 666 Td (EB) Tj ET
            BT /F1 10 Tf 50 640 Td (H) Tj ET
            """, Glyphs.Concat([new('2', "0032"), new('0', "0030"), new('1', "0031"), new('5', "0035")]).ToDictionary());

        var page = new PdfTextReader(null).Read(InputFile.FromBytes("borderless.pdf", pdf), CancellationToken.None).Pages.Single();
        page.Rows().Select(r => r.ToString()).ShouldBe(
        [
            "数量指标 | 规范 | 20",
            "质量指标质量 | 规范 | 15", // the line 4pt under the row is its first cell wrapped
            "分 |  | ",
        ]);
    }
}
