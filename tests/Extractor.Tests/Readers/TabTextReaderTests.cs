using System.Text;
using Extractor.Readers;
using Extractor.Readers.Text;

namespace Extractor.Tests.Readers;

public class TabTextReaderTests
{
    private static Grid.GridPage Read(byte[] bytes) =>
        new TabTextReader().Read(InputFile.FromBytes("t.txt", bytes), CancellationToken.None).Pages.Single();

    private static readonly string Sample = "项目名称\t绿化市容行业基础信息采集分析管理\n主管部门\t上海市绿化和市容管理局\t实施单位\t上海市绿化和市容管理信息中心\n";

    [Fact]
    public void Tabs_split_cells_and_blank_cells_are_left_out()
    {
        var page = Read(Encoding.UTF8.GetBytes("a\t\tc\n"));
        page.Cells.Select(c => (c.Row, c.Column, c.Text)).ShouldBe([(0, 0, "a"), (0, 2, "c")]);
    }

    [Fact]
    public void Paragraph_fragments_in_a_cell_become_lines_without_tags()
    {
        var page = Read(Encoding.UTF8.GetBytes("\t<p>完成了视频汇聚。</p> <p>安装好视频安全接入管理机&amp;服务。</p>\t\n"));
        page.Cells.Single().Text.ShouldBe("完成了视频汇聚。\n安装好视频安全接入管理机&服务。");
    }

    [Fact]
    public void A_quoted_cell_keeps_its_line_breaks_and_tabs_inside()
    {
        var page = Read(Encoding.UTF8.GetBytes("名称\t\"第一行\n第二行\"\t20\n下一行\n"));
        page.Cells.Select(c => c.Text).ShouldBe(["名称", "第一行\n第二行", "20", "下一行"]);
        page.Cells.Last().Row.ShouldBe(1);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("gb18030")]
    public void Encodings_are_detected_not_assumed(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = encoding switch
        {
            "utf-8-bom" => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sample)).ToArray(),
            "utf-16le" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Sample)).ToArray(),
            "utf-16be" => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Sample)).ToArray(),
            _ => Encoding.GetEncoding("GB18030").GetBytes(Sample),
        };
        Read(bytes).Cells.Select(c => c.Text).ShouldBe(["项目名称", "绿化市容行业基础信息采集分析管理", "主管部门", "上海市绿化和市容管理局", "实施单位", "上海市绿化和市容管理信息中心"]);
    }

    [Fact]
    public void Invalid_bytes_after_a_utf8_byte_order_mark_are_refused_with_the_reason()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("项目名称\t")).Concat(new byte[] { 0xC3, 0x28, 0xFF }).ToArray();
        Should.Throw<InputRejectedException>(() => Read(bytes)).Reason.ShouldContain("UTF-8");
    }

    [Fact]
    public void Binary_garbage_is_refused_as_no_supported_kind()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        Should.Throw<InputRejectedException>(() => InputKindDetector.Detect(InputFile.FromBytes("x.bin", bytes))).Reason.ShouldContain("binary");
    }

    [Fact]
    public void An_empty_file_is_refused_as_empty() =>
        Should.Throw<InputRejectedException>(() => InputKindDetector.Detect(InputFile.FromBytes("x.txt", []))).Reason.ShouldContain("empty");
}
