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
    /// foot cuts through "对象"; the glyph is the table's, not a line of its own under it.
    /// </summary>
    [Fact]
    public void A_glyph_the_open_edge_of_a_merged_cell_cuts_through_is_taken_by_the_table_and_read_by_no_cell()
    {
        var file = Path.Combine(Repo.Fixtures, "corpus", "dev", "case-0000004", "case-0000004.libreoffice.pdf");
        using var document = PdfDocument.Open(InputFile.Load(file).Bytes, new ParsingOptions { ClipPaths = true });
        var page = PdfPageLayout.From(document.GetPage(1), 1, new LatticeOptions());
        var tables = new LatticeGridFinder().Find(page);
        tables[^1].Clipped.Select(g => g.Value).ShouldBe(["对", "象"]);
        var rows = PageGrid.Assemble(page, tables, Grid.ReadMethod.PdfText).Rows();
        rows[^1].ToString().ShouldNotContain("对象");
        rows[^1].ToString().ShouldContain("学生家长满意度");
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
