using Extractor.Grid;
using Extractor.Readers;
using Extractor.Readers.Pdf;
using Extractor.Tables;
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

    /// <summary>Rows of page 1 of fixtures/seed/seed.borderless.pdf as its cells' x-extents (points): the department row and the goals row, whose cells span columns, the funds header and total, the indicator header and first indicator.</summary>
    private static readonly (double Left, double Right)[][] SeedPageOne =
    [
        [(48, 92), (100, 221), (388, 432), (446, 600)],
        [(198, 253), (290, 345), (382, 437), (471, 493), (522, 555), (645, 667)],
        [(112, 178), (214, 261), (326, 373), (409, 445), (476, 487), (519, 558), (650, 661)],
        [(42, 97), (100, 373), (374, 748)],
        [(48, 92), (123, 167), (204, 248), (296, 340), (393, 426), (465, 498), (528, 550), (570, 592), (638, 715)],
        [(123, 167), (204, 248), (262, 372), (404, 416), (476, 488), (533, 544), (575, 586)],
    ];

    [Fact]
    public void Column_boundaries_fall_in_the_gaps_most_rows_leave_white_even_where_a_paragraph_spans_them()
    {
        var grid = ColumnGrid.From(SeedPageOne, 11);
        int[] header = [.. new[] { 70.0, 145, 226, 318, 409.5, 481.5, 539, 581, 676.5 }.Select(grid.ColumnAt)];
        header.ShouldBe(Enumerable.Range(0, 9).ToArray()); // 绩效指标, 一级指标 … 偏差原因: each its own column
        grid.ColumnAt(263).ShouldBe(header[3]); // the indicator name starts in the 三级指标 column
        grid.ColumnAt(215).ShouldBe(header[2]); // the first budget figure stands under 年初预算数, in the 二级指标 column
        grid.ColumnAt(101).ShouldBe(header[1]); // the planned goals start in the first column after the labels
    }

    private static GridPage Borderless(string fixture, int page) =>
        new PdfTextReader(null).Read(InputFile.Load(Path.Combine(Repo.Fixtures, fixture.Split('.')[0], fixture)), CancellationToken.None).Pages[page - 1];

    private static GridPage SeedBorderless(int page) => Borderless("seed.borderless.pdf", page);

    private static GridRow RowWith(IReadOnlyList<GridRow> rows, string text) => rows.First(r => r.FilledColumns().Any(c => r.TextAt(c) == text));

    [Fact]
    public void A_borderless_cell_of_two_paragraphs_is_one_cell_with_a_line_break()
    {
        var rows = Borderless("variants.borderless.pdf", 2).Rows();
        var goals = rows.First(r => r.FilledColumns().Any(c => r.TextAt(c)!.StartsWith("完成辖区内16个", StringComparison.Ordinal)));
        goals.FilledColumns().Select(goals.TextAt).ShouldContain("完成辖区内16个老旧小区二次供水设施改造，更换水泵机组32台、不锈钢水箱24座。\n改造后小区出水水质合格率100%，供水水压投诉明显下降。");
    }

    [Fact]
    public void A_borderless_two_row_header_keeps_its_merged_labels_on_the_first_row_and_the_split_target_on_the_second()
    {
        var rows = Borderless("variants.borderless.pdf", 2).Rows().ToList();
        var first = RowWith(rows, "年度指标值");
        first.FilledColumns().Select(first.TextAt).ShouldContain("三级指标");
        var second = rows[rows.IndexOf(first) + 1];
        second.FilledColumns().Select(second.TextAt).ShouldBe(["指标性质", "指标值", "度量单位"]);
    }

    [Fact]
    public void A_borderless_indicator_row_lines_up_with_its_header_although_its_name_is_printed_at_the_top_and_wrapped()
    {
        var rows = SeedBorderless(3).Rows();
        var header = rows.First(r => r.FilledColumns().Any(c => r.TextAt(c) == "三级指标"));
        int Column(string label) => header.FilledColumns().First(c => header.TextAt(c) == label);
        var row = rows.First(r => r.FilledColumns().Any(c => r.TextAt(c) == "新建应用系统与平台数量（个）"));
        row.TextAt(Column("三级指标")).ShouldBe("新建应用系统与平台数量（个）"); // two lines, top-aligned, one cell
        row.TextAt(Column("年度指标值")).ShouldBe("=1");
        row.TextAt(Column("分值")).ShouldBe("20");
        rows.ShouldContain(r => r.FilledColumns().Any(c => r.TextAt(c) == "项目验收规范性")); // the next row's name is not a third line
    }

    [Fact]
    public void A_label_merged_over_two_rows_and_wrapped_is_one_cell_in_the_first_row_it_spans()
    {
        var rows = SeedBorderless(3).Rows();
        var first = RowWith(rows, "符合接入标准"); // the second, 信息共享时效性, is taller (its deviation wraps) and holds the label's middle
        first.FilledColumns().Select(first.TextAt).ShouldContain("可持续影响指标");
        first.FilledColumns().Select(first.TextAt).ShouldContain("效益指标");
    }

    [Fact]
    public void A_borderless_cell_cut_by_a_page_break_is_joined_but_a_title_at_a_page_end_is_not()
    {
        var pages = new PdfTextReader(null).Read(InputFile.Load(Path.Combine(Repo.Fixtures, "seed", "seed.borderless.pdf")), CancellationToken.None).Pages;
        var cells = pages.SelectMany(p => p.Rows()).SelectMany(r => r.FilledColumns().Select(r.TextAt)).ToList();
        cells.ShouldContain(t => t!.Contains("先组织了针对项目建设内容的自测")); // seed form 2's achieved goals run from page 2 onto page 3
        cells.ShouldNotContain(t => t!.Contains("自评表(")); // form 5's title ends page 5 and its year opens page 6: two rows
    }
}
