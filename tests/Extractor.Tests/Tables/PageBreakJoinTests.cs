using Extractor.Grid;
using Extractor.Tables;

namespace Extractor.Tests.Tables;

public class PageBreakJoinTests
{
    private static TableCell Cell(int row, int column, string text, Box box, bool openTop = false, bool openBottom = false) =>
        new(new Cell(row, column, text) { Box = box }, text.Select((ch, i) => new Glyph(ch.ToString(), new Box(box.Left + 2 + 10 * i, box.Bottom - 14, box.Left + 12 + 10 * i, box.Bottom - 4), 10)).ToList())
        { OpenTop = openTop, OpenBottom = openBottom };

    /// <summary>
    /// Corpus dev case 7 (LibreOffice): the 项目资金 label merged over the funds rows crosses the page; page 1 shows
    /// 项目资, page 2 金(万元), while every other cell of the rows is closed.
    /// </summary>
    [Fact]
    public void A_merged_label_cut_by_a_page_break_is_one_label_though_both_tables_are_closed()
    {
        var previous = new FoundTable(new Box(40, 600, 400, 780),
        [
            Cell(0, 0, "项目资", new Box(40, 740, 120, 780), openBottom: true),
            Cell(0, 1, "年度资金总额", new Box(120, 740, 400, 780)),
        ]);
        var next = new FoundTable(new Box(40, 40, 400, 120),
        [
            Cell(0, 0, "金(万元)", new Box(40, 40, 120, 120), openTop: true),
            Cell(0, 1, "其中:当年财政拨款", new Box(120, 40, 400, 80)),
        ]);
        var (joined, rest) = PageBreakJoin.Join(previous, next, 2)!.Value;
        joined.Cells[0].Cell.Text.ShouldBe("项目资金(万元)");
        joined.Cells[1].Cell.Text.ShouldBe("年度资金总额");
        rest.Cells.Select(c => c.Cell.Text).ShouldBe([null, "其中:当年财政拨款"]);
    }

    /// <summary>
    /// Corpus dev case 66 (Chromium): the break cut the split-target header between its rows; 年度指标值 has its line
    /// under it on page 2, and page 3 draws no line over 指标性质 | 指标值 | 度量单位, while 一级指标 runs on open.
    /// </summary>
    [Fact]
    public void A_cell_closed_by_a_line_above_the_break_is_not_continued_by_the_row_under_it()
    {
        var previous = new FoundTable(new Box(40, 700, 400, 780),
        [
            Cell(0, 0, "一级指标", new Box(40, 740, 120, 780), openBottom: true),
            Cell(0, 1, "年度指标值", new Box(120, 740, 400, 770)),
        ], OpenBottom: true);
        var next = new FoundTable(new Box(40, 40, 400, 120),
        [
            Cell(0, 0, "", new Box(40, 40, 120, 60), openTop: true),
            Cell(0, 1, "指标性质", new Box(120, 40, 400, 60), openTop: true),
        ], OpenTop: true);
        var (joined, rest) = PageBreakJoin.Join(previous, next, 2)!.Value;
        joined.Cells[1].Cell.Text.ShouldBe("年度指标值");
        rest.Cells[1].Cell.Text.ShouldBe("指标性质");
    }

    /// <summary>A spreadsheet export draws the cut label's "对象" on both pages: the copy past page 1's edge is dropped.</summary>
    [Fact]
    public void A_glyph_drawn_past_the_edge_on_both_pages_is_read_once()
    {
        var above = Cell(0, 0, "服务", new Box(40, 740, 80, 780), openBottom: true);
        var cut = new Glyph("对", new Box(42, 776, 52, 786), 10);
        above = above with { Glyphs = [.. above.Glyphs, cut], Overflow = [cut] };
        var previous = new FoundTable(new Box(40, 600, 80, 780), [above]);
        var next = new FoundTable(new Box(40, 40, 80, 120), [Cell(0, 0, "对象", new Box(40, 40, 80, 60), openTop: true)]);
        PageBreakJoin.Join(previous, next, 2)!.Value.Previous.Cells[0].Cell.Text.ShouldBe("服务对象");
    }
}
