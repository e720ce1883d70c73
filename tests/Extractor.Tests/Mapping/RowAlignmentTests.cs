using Extractor.Mapping;

namespace Extractor.Tests.Mapping;

/// <summary>Rows from the seed export, whose forms 2 and 6 are shifted against their headers.</summary>
public class RowAlignmentTests
{
    private const string Form2Header = "一级指标\t二级指标\t三级指标\t年度 指标值\t实际 完成值\t分值\t得分\t偏差原因分析及 改进措施";
    private const string Form6Header = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\t";
    private const string Form1Header = "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施";

    private static int? ShiftOf(string header, string row)
    {
        var rows = Repo.Rows(header, row);
        return RowAlignment.FindShift(rows[1], IndicatorColumns.From(rows[0], null), 0);
    }

    [Fact]
    public void An_aligned_row_reads_at_its_header_columns() =>
        ShiftOf(Form2Header, "\t数量指标\t新建应用系统与平台数量（个）\t=1\t1\t20\t20\t").ShouldBe(0);

    [Fact]
    public void A_row_carrying_the_section_label_reads_one_column_right() =>
        ShiftOf(Form2Header, "绩效指标\t产出指标\t质量指标\t项目验收规范性\t规范\t规范\t10\t10\t").ShouldBe(1);

    [Fact]
    public void A_row_shifted_two_columns_right_is_found_by_the_types_of_its_cells() =>
        ShiftOf(Form6Header, "\t\t\t时效指标\t设备巡检率\t100%\t100\t10\t10").ShouldBe(2);

    [Fact]
    public void A_row_whose_label_spans_the_level_columns_reads_one_column_left() =>
        ShiftOf(Form1Header, "绩效目标合理性\t\t\t合理\t基本合理\t20\t15\t绩效目标有待进一步细化，建议增加服务对象满意度等\t").ShouldBe(-1);

    [Fact]
    public void A_row_without_scores_is_no_indicator_row() =>
        ShiftOf(Form1Header, "\t\t\t\t\t\t\t\t相关指标").ShouldBeNull();

    [Fact]
    public void The_total_row_is_aligned_on_its_numbers() =>
        RowAlignment.FindShift(Repo.Rows(Form2Header, "\t总分\t\t\t\t\t\t100\t93")[1],
            IndicatorColumns.From(Repo.Rows(Form2Header)[0], null), 0, totalRow: true).ShouldBe(2);
}
