using System.Text;
using Extractor.Readers;
using Extractor.Readers.Html;

namespace Extractor.Tests.Readers;

public class HtmlTableReaderTests
{
    private static Grid.GridPage Read(string html) =>
        new HtmlTableReader().Read(InputFile.FromBytes("t.html", Encoding.UTF8.GetBytes(html)), CancellationToken.None).Pages.Single();

    [Fact]
    public void Merged_cells_keep_their_spans_and_push_later_cells_right()
    {
        var page = Read("""
            <table>
              <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>名称甲</td></tr>
              <tr><td>质量指标</td><td>名称乙</td></tr>
              <tr><td colspan="2">绩效目标合理性</td><td>合理</td></tr>
            </table>
            """);
        page.Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan, c.Text)).ShouldBe(
        [
            (0, 0, 2, 1, "产出指标"), (0, 1, 1, 1, "数量指标"), (0, 2, 1, 1, "名称甲"),
            (1, 1, 1, 1, "质量指标"), (1, 2, 1, 1, "名称乙"),
            (2, 0, 1, 2, "绩效目标合理性"), (2, 2, 1, 1, "合理"),
        ]);
        page.Rows()[1].TextAt(0).ShouldBe("产出指标");
        page.Rows()[1].IsOrigin(0).ShouldBeFalse();
    }

    [Fact]
    public void Text_above_a_table_becomes_one_cell_rows_in_document_order()
    {
        var page = Read("<h2>财政项目支出绩效自评表</h2><p>(2020 年度)</p><table><tr><td>项目名称</td><td>X</td></tr></table>");
        page.Rows().Select(r => r.TextAt(0)).ShouldBe(["财政项目支出绩效自评表", "(2020 年度)", "项目名称"]);
    }

    [Fact]
    public void Nested_markup_entities_and_a_wrapping_line_break_read_as_plain_text()
    {
        var page = Read("<table><tr><td><span>上海市绿化和市容</span><br/>管理信息中心&nbsp;</td><td>LED<br>屏</td></tr></table>");
        page.Cells.Select(c => c.Text).ShouldBe(["上海市绿化和市容管理信息中心", "LED 屏"]);
    }

    [Fact]
    public void Paragraphs_in_a_cell_are_kept_as_lines()
    {
        var page = Read("<table><tr><td><p>完成视频汇聚。</p><p>安装接入管理机。</p></td></tr></table>");
        page.Cells.Single().Text.ShouldBe("完成视频汇聚。\n安装接入管理机。");
    }
}
