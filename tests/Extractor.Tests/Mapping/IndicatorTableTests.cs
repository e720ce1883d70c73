using Extractor.Mapping;
using Extractor.Output;

namespace Extractor.Tests.Mapping;

public class IndicatorTableTests
{
    private static List<Indicator> Read(params string[] lines)
    {
        var rows = Repo.Rows(lines);
        var columns = IndicatorColumns.From(rows[0], rows.Count > 1 ? rows[1] : null);
        var log = new ReadingLog();
        var indicators = IndicatorTable.Read(rows.Skip(1).ToList(), columns, log);
        MergedLabelFill.Apply(indicators, log);
        return indicators.Select(i => i.Value).ToList();
    }

    [Fact]
    public void A_line_holding_only_text_continues_the_deviation_of_the_row_above()
    {
        var indicators = Read(
            "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
            "绩效目标合理性\t\t\t合理\t基本合理\t20\t15\t绩效目标有待进一步细化，建议增加服务对象满意度等\t",
            "",
            "\t\t\t\t\t\t\t\t相关指标");
        indicators.Single().Deviation.ShouldBe("绩效目标有待进一步细化，建议增加服务对象满意度等相关指标");
    }

    [Fact]
    public void A_row_with_its_own_name_and_target_is_an_indicator_even_when_its_weight_and_score_were_not_read()
    {
        // dev noisy scan, case 63: the faint weight and score of 项目质量可控性 lost to the reader.
        var indicators = Read(
            "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
            "\t产出指标\t质量指标\t工程质量达标率\t≥96%\t99%\t4\t4\t",
            "\t\t\t项目质量可控性\t规范\t规范\t\t\t",
            "\t\t社会成本指标\t征迁影响户数\t=0户\t0户\t6\t6\t");
        indicators.Select(i => i.Name).ShouldBe(["工程质量达标率", "项目质量可控性", "征迁影响户数"]);
        (indicators[1].Target, indicators[1].Actual, indicators[1].Weight).ShouldBe(("规范", "规范", null));
        indicators[0].Actual.ShouldBe("99%");
    }

    [Fact]
    public void OutsideHierarchyRow_has_no_levels_wherever_its_label_is_printed()
    {
        var indicators = Read(
            "一级指标\t二级指标\t三级指标\t年度 指标值\t实际 完成值\t分值\t得分\t偏差原因分析及 改进措施",
            "\t效益指标\t可持续影响指标\t符合接入标准\t符合\t符合\t10\t10\t",
            "\t\t\t绩效目标合理性\t合理\t基本合理\t20\t15\t目标设定比较简单，尚有不全面的地方。增加满意度等相关指标。");
        indicators[1].Name.ShouldBe("绩效目标合理性");
        indicators[1].Level1.ShouldBeNull();
        indicators[1].Level2.ShouldBeNull();
        indicators[0].Level2.ShouldBe("可持续影响指标");
    }

    [Fact]
    public void The_section_label_printed_in_the_level1_column_is_no_level1()
    {
        var indicators = Read(
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\t",
            "绩效指标\t数量指标\t舆情数据报告（份）\t>=13份\t>=13份\t10\t10\t\t");
        indicators.Single().Level1.ShouldBe("产出指标");
        indicators.Single().Level2.ShouldBe("数量指标");
        indicators.Single().Target.ShouldBe(">=13份");
    }

    [Fact]
    public void Level_labels_a_scan_misread_are_the_three_levels_in_their_printed_order()
    {
        // A bilevel 200 dpi scan of the generated corpus: 二 read as a quote, 三 read as 二.
        var indicators = Read(
            "绩效指标\t一级指标\t“级指标\t二级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
            "\t产出指标\t时效指标\t故障响应时间\t≤20小时\t20小时\t18.00\t18.00\t");
        indicators.Single().Level2.ShouldBe("时效指标");
        indicators.Single().Name.ShouldBe("故障响应时间");
        indicators.Single().Weight.ShouldBe(18m);
    }

    [Fact]
    public void A_target_split_into_nature_value_and_unit_reads_as_the_three_joined()
    {
        var indicators = Read(
            "一级指标\t二级指标\t三级指标\t年度指标值\t\t\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
            "\t\t\t指标性质\t指标值\t度量单位\t\t\t\t",
            "产出指标\t质量指标\t验收合格率\t≥\t90\t%\t95%\t22.5\t22.5\t");
        indicators.Single().Target.ShouldBe("≥90%");
        indicators.Single().Weight.ShouldBe(22.5m);
    }
}
