using Extractor.Grid;
using Extractor.Tables;

namespace Extractor.Tests.Tables;

/// <summary>
/// dev case 17 of the generated photos: page 3 rules the funds table's columns with the indicators' (23 edges), page 4
/// the indicators' alone (12), so page 4's rows fell under no header column and ran together into one name.
/// </summary>
public class ContinuedPageColumnsTests
{
    /// <summary>A scanned page whose cells sit between these x edges (points), one row per list of column spans.</summary>
    private static GridPage Page(int number, double[] edges, params (int Column, int Span, string Text)[][] rows)
    {
        var cells = rows.SelectMany((row, r) => row.Select(c => new Cell(r, c.Column, c.Text)
        {
            ColumnSpan = c.Span,
            Box = new Box(edges[c.Column], 100 + 20 * r, edges[c.Column + c.Span], 120 + 20 * r),
        }));
        return new GridPage(number, ReadMethod.PdfOcr, cells);
    }

    // The funds table above the indicators adds edges at 150 and 320 to the indicators' own.
    private static readonly GridPage Header = Page(3, [0, 50, 100, 150, 200, 320, 400, 500],
        [(0, 1, "绩效指标"), (1, 1, "一级指标"), (2, 2, "二级指标"), (4, 2, "三级指标"), (6, 1, "分值")],
        [(0, 1, "年度资金总额"), (1, 2, "100"), (3, 2, "90"), (5, 2, "10")]);

    [Fact]
    public void A_continuation_page_ruling_fewer_edges_takes_the_previous_pages_columns()
    {
        // Photographed at another scale and offset: the same edges across the table's width.
        var next = Page(4, [10, 54.5, 99, 188, 366, 455], [(0, 1, ""), (1, 1, "效益指标"), (2, 1, "生态效益指标"), (3, 1, "绿化覆盖率"), (4, 1, "10")]);

        var aligned = ContinuedPageColumns.Align(Header, next, tolerance: 0.012)!;

        aligned.Cells.Select(c => (c.Text, c.Column, c.ColumnSpan)).ShouldBe(
            [("", 0, 1), ("效益指标", 1, 1), ("生态效益指标", 2, 2), ("绿化覆盖率", 4, 2), ("10", 6, 1)]);
    }

    [Fact]
    public void Cells_a_stray_edge_parted_go_together_into_the_previous_pages_column()
    {
        var next = Page(4, [0, 50, 100, 200, 230, 400, 500], [(0, 1, ""), (1, 1, "效益指标"), (2, 1, "生态效益指标"), (3, 1, "污7"), (4, 1, "《处理率"), (5, 1, "5")]);

        var aligned = ContinuedPageColumns.Align(Header, next, tolerance: 0.012)!;

        aligned.Cells.Select(c => (c.Text, c.Column, c.ColumnSpan)).ShouldBe(
            [("", 0, 1), ("效益指标", 1, 1), ("生态效益指标", 2, 2), ("污7《处理率", 4, 2), ("5", 6, 1)]);
        aligned.Cells.Single(c => c.Column == 4).Box.ShouldBe(new Box(200, 100, 400, 120));
    }

    [Fact]
    public void Only_the_first_table_of_a_page_continues_the_previous_page_the_next_forms_keep_their_columns()
    {
        // dev case 50 of the noisy scans: page 2 ends the first form's indicators and starts the next form, whose
        // funds table rules more edges than the previous page; its first table still continues page 1's.
        var continued = Page(4, [10, 54.5, 99, 188, 366, 455], [(0, 1, ""), (1, 1, "效益指标"), (2, 1, "生态效益指标"), (3, 1, "绿化覆盖率"), (4, 1, "10")]);
        var nextForm = Page(4, [0, 40, 80, 120, 160, 200, 240, 280, 320, 360, 400],
            [(0, 10, "项目支出绩效自评表")],
            [(0, 1, "项目名称"), (1, 9, "乙项目")],
            [(0, 1, "项目资金"), (1, 1, "年初预算数"), (2, 1, "全年预算数"), (3, 1, "全年执行数"), (4, 1, "分值"), (5, 1, "执行率"),
                (6, 1, "得分"), (7, 1, "a"), (8, 1, "b"), (9, 1, "c")]);
        var page = new GridPage(4, ReadMethod.PdfOcr,
            continued.Cells.Concat(nextForm.Cells.Select(c => c with { Row = c.Row + 1 })))
        {
            TableRows = [(0, 1), (2, 4)],
        };

        var aligned = ContinuedPageColumns.Align(Header, page, tolerance: 0.012)!;

        aligned.Cells.Where(c => c.Row == 0).Select(c => (c.Text, c.Column, c.ColumnSpan)).ShouldBe(
            [("", 0, 1), ("效益指标", 1, 1), ("生态效益指标", 2, 2), ("绿化覆盖率", 4, 2), ("10", 6, 1)]);
        aligned.Cells.Where(c => c.Row > 0).ShouldBe(page.Cells.Where(c => c.Row > 0));
        aligned.TableRows.ShouldBe(page.TableRows);
    }

    [Fact]
    public void A_page_whose_first_table_has_a_title_above_it_starts_a_form_and_keeps_its_columns()
    {
        // dev case 63 of the noisy scans: page 2 starts form 2 with indicator columns like page 1's; aligned as a
        // continuation, its 分值 | 得分 edge was taken for a stray one and the two columns were read as one.
        var table = Page(4, [10, 54.5, 99, 188, 366, 455], [(0, 1, ""), (1, 1, "效益指标"), (2, 1, "生态效益指标"), (3, 1, "绿化覆盖率"), (4, 1, "10")]);
        var titled = new GridPage(4, ReadMethod.PdfOcr,
            table.Cells.Select(c => c with { Row = c.Row + 1 }).Prepend(new Cell(0, 0, "项目支出绩效自评表") { ColumnSpan = 5 }))
        {
            TableRows = [(1, 2)],
        };

        ContinuedPageColumns.Align(Header, titled, 0.012, text => text?.EndsWith("自评表") == true).ShouldBeNull();
        ContinuedPageColumns.Align(Header, titled, 0.012, text => false).ShouldNotBeNull();
    }

    [Fact]
    public void A_page_of_another_table_keeps_its_own_columns()
    {
        var other = Page(4, [0, 120, 260, 330, 500], [(0, 1, "项目名称"), (1, 3, "乙项目")], [(0, 1, "主管部门"), (1, 1, "甲"), (2, 1, "实施单位"), (3, 1, "乙")]);

        ContinuedPageColumns.Align(Header, other, tolerance: 0.012).ShouldBeNull();
        ContinuedPageColumns.Align([Header, other], tolerance: 0.012)[1].ShouldBeSameAs(other);
    }

    [Fact]
    public void Pages_read_from_a_text_layer_are_left_to_the_pdf_reader()
    {
        var next = Page(4, [10, 54.5, 99, 188, 366, 455], [(0, 1, ""), (1, 1, "效益指标"), (2, 1, "生态效益指标"), (3, 1, "绿化覆盖率"), (4, 1, "10")]);
        var text = new GridPage(4, ReadMethod.PdfText, next.Cells);

        ContinuedPageColumns.Align([Header, text], tolerance: 0.012)[1].ShouldBeSameAs(text);
    }
}
