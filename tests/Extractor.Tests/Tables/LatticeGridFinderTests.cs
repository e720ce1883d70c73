using Extractor.Grid;
using Extractor.Readers;
using Extractor.Readers.Pdf;
using Extractor.Tables;
using UglyToad.PdfPig;

namespace Extractor.Tests.Tables;

public class LatticeGridFinderTests
{
    /// <summary>Page 1 of the seed as Chromium prints it: borders drawn as thin filled boxes, cell by cell, up to a pixel apart.</summary>
    private static PageLayout SeedPage(int number = 1)
    {
        using var document = PdfDocument.Open(InputFile.Load(Path.Combine(Repo.Fixtures, "seed", "seed.chromium.pdf")).Bytes);
        return PdfPageLayout.From(document.GetPage(number), number, new LatticeOptions());
    }

    [Fact]
    public void Cells_without_a_separator_between_them_become_one_cell_with_spans()
    {
        var table = new LatticeGridFinder().Find(SeedPage())[0];
        var cells = table.Cells.Select(c => c.Cell).Where(c => !c.IsBlank).ToList();

        var funds = cells.Single(c => c.Text == "项目资金(元)");
        (funds.RowSpan, funds.ColumnSpan).ShouldBe((5, 1));
        var name = cells.Single(c => c.Text == "上海绿化和市容管理局“一网通办”政务服务管理系统");
        (name.Column, name.ColumnSpan).ShouldBe((1, 8));
        var total = cells.First(c => c.Text == "总分");
        total.ColumnSpan.ShouldBe(6);
    }

    [Fact]
    public void The_indicator_header_takes_the_columns_the_borders_above_it_define()
    {
        var table = new LatticeGridFinder().Find(SeedPage())[0];
        var levels = table.Cells.Select(c => c.Cell).Single(c => c.Text == "一级指标");
        var header = table.Cells.Select(c => c.Cell).Where(c => c.Row == levels.Row && !c.IsBlank).ToList();
        header.Select(c => (c.Column, c.Text)).ShouldBe(
            [(0, "绩效指标"), (1, "一级指标"), (2, "二级指标"), (3, "三级指标"), (4, "年度指标值"), (5, "实际完成值"), (6, "分值"), (7, "得分"), (8, "偏差原因分析及改进措施")]);
    }

    /// <summary>
    /// Corpus dev case 4 (LibreOffice): the merged label 服务对象满意度指标 runs over the page break, and the page's
    /// foot cuts through "对象"; the glyph is the cell's overflow, not a line of its own under the table.
    /// </summary>
    [Fact]
    public void A_glyph_the_open_edge_of_a_merged_cell_cuts_through_is_that_cells_overflow()
    {
        var file = Path.Combine(Repo.Fixtures, "clipped", "label-over-break.libreoffice.pdf");
        using var document = PdfDocument.Open(InputFile.Load(file).Bytes, new ParsingOptions { ClipPaths = true });
        var page = PdfPageLayout.From(document.GetPage(1), 1, new LatticeOptions());
        var tables = new LatticeGridFinder().Find(page);
        var label = tables[^1].Cells.Single(c => c.Overflow.Count > 0);
        label.Overflow.Select(g => g.Value).ShouldBe(["对", "象"]);
        label.Cell.Text.ShouldBe("服务对象");
        PageGrid.Assemble(page, tables, Grid.ReadMethod.PdfText).Rows()[^1].ToString().ShouldContain("学生家长满意度");
    }

    /// <summary>
    /// Corpus dev case 18 (Chromium): the page breaks inside the merged label 服务对象满意度指标, whose last glyph 标
    /// is printed under the table's last line on the open side; a page number further down is not the label's.
    /// </summary>
    [Fact]
    public void Text_running_on_under_a_cell_open_at_the_page_foot_is_that_cells_and_a_page_number_is_not()
    {
        Ruling H(double y, double from, double to) => new(true, y, from, to);
        Ruling V(double x, double from, double to) => new(false, x, from, to);
        Glyph G(string v, double left, double top) => new(v, new Box(left, top, left + 10, top + 10), 10);
        var rulings = new[] { H(100, 40, 200), H(130, 100, 200), V(40, 100, 136), V(100, 100, 136), V(200, 100, 130) };
        var glyphs = new[] { G("满", 45, 118), G("意", 55, 118), G("群", 105, 110), G("标", 45, 132), G("1", 120, 170) };
        var table = new LatticeGridFinder().Find(new PageLayout(1, 300, 200, glyphs, rulings)).Single();
        var label = table.Cells.Single(c => c.Cell.Column == 0);
        label.OpenBottom.ShouldBeTrue();
        label.Cell.Text.ShouldBe("满意标");
        label.Overflow.Select(g => g.Value).ShouldBe(["标"]);
        table.Glyphs.ShouldNotContain(g => g.Value == "1");
    }

    /// <summary>
    /// Corpus dev case 105 (LibreOffice): on the page between the top and the foot of the merged label column
    /// 绩效指标, no row rule crosses that column; its outer edge still bounds the table, and the label is one cell.
    /// </summary>
    [Fact]
    public void A_label_column_no_row_rule_crosses_on_a_page_is_still_a_column_of_the_table()
    {
        var file = Path.Combine(Repo.Fixtures, "uncrossed", "label-column-uncrossed.libreoffice.pdf");
        using var document = PdfDocument.Open(InputFile.Load(file).Bytes, new ParsingOptions { ClipPaths = true });
        var page = PdfPageLayout.From(document.GetPage(2), 2, new LatticeOptions());
        var table = new LatticeGridFinder().Find(page).Single();
        var label = table.Cells.Single(c => c.Cell.Column == 0);
        label.Cell.Text.ShouldBe("绩效指标");
        label.Cell.RowSpan.ShouldBe(table.Cells.Max(c => c.Cell.Row + c.Cell.RowSpan));
        table.Cells.ShouldContain(c => c.Cell.Text == "考核排名");
    }

    [Fact]
    public void A_lone_vertical_line_shorter_than_the_table_stays_out_of_it()
    {
        Ruling H(double y, double from, double to) => new(true, y, from, to);
        Ruling V(double x, double from, double to) => new(false, x, from, to);
        var rulings = new[] { H(100, 40, 200), H(130, 40, 200), V(40, 100, 130), V(200, 100, 130), V(20, 100, 120) };
        var table = new LatticeGridFinder().Find(new PageLayout(1, 300, 200, [], rulings)).Single();
        table.Box.Left.ShouldBe(40);
    }

    /// <summary>The same label read over both pages: the "对象" drawn on both is read once.</summary>
    [Fact]
    public void A_merged_label_drawn_on_both_pages_of_a_break_reads_each_glyph_once()
    {
        var file = Path.Combine(Repo.Fixtures, "clipped", "label-over-break.libreoffice.pdf");
        var document = new PdfTextReader(null).Read(InputFile.Load(file), CancellationToken.None);
        document.Pages[0].Cells.ShouldContain(c => c.Text == "服务对象满意度指标");
        document.Pages.SelectMany(p => p.Cells).ShouldNotContain(c => c.Text == "对象");
    }

    [Fact]
    public void Text_outside_the_ruled_tables_is_left_for_lines_around_them()
    {
        var page = SeedPage();
        var tables = new LatticeGridFinder().Find(page);
        var grid = PageGrid.Assemble(page, tables, Grid.ReadMethod.PdfText);
        var rows = grid.Rows();
        rows[0].TextAt(0).ShouldBe("财政项目支出绩效自评表");
        rows[1].TextAt(0).ShouldBe("(2020 年度)");
        rows[2].TextAt(0).ShouldBe("项目名称");
    }

    [Fact]
    public void A_cell_wrapped_over_several_lines_reads_as_one_text_without_spaces_between_cjk_characters()
    {
        var table = new LatticeGridFinder().Find(SeedPage())[0];
        table.Cells.Select(c => c.Cell.Text).ShouldContain("绩效目标有待进一步细化，建议增加服务对象满意度等相关指标");
    }
}
