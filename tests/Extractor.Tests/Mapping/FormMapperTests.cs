using Extractor.Mapping;

namespace Extractor.Tests.Mapping;

/// <summary>Blocks of real seed forms read end to end by the mapper.</summary>
public class FormMapperTests
{
    [Fact]
    public void FundsTable_reads_each_line_under_its_header_and_a_dash_as_null()
    {
        var form = FormMapper.Map(Repo.Segment(
            "项目资金 (元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t",
            "\t年度资金总额\t857515.00\t854500.00\t854,500\t10\t100.00%\t10\t",
            "\t其中：当年财政拨款\t857,515.00\t854,500.00\t854,500.00\t—\t\t\t",
            "\t上年结转资金\t\t\t\t—\t\t\t",
            "\t其他资金\t\t\t\t—\t\t\t")).Form;
        form.Funds.UnitAsPrinted.ShouldBe("元");
        form.Funds.Rows.Total.InitialBudget.ShouldBe(857515m);
        form.Funds.Rows.Total.Executed.ShouldBe(854500m);
        form.Funds.Rows.CurrentYearAppropriation.AnnualBudget.ShouldBe(854500m);
        form.Funds.Rows.PriorYearCarryover.Executed.ShouldBeNull();
        form.Funds.Weight.ShouldBe(10m);
        form.Funds.ExecutionRatePercent.ShouldBe(100m);
        form.Funds.Score.ShouldBe(10m);
    }

    /// <summary>A noisy scan of corpus dev case 40: stray rulings cut the header's labels, 执 read 丸.</summary>
    [Fact]
    public void FundsTable_finds_an_amount_label_cut_into_pieces_one_of_them_misread()
    {
        var form = FormMapper.Map(Repo.Segment(
            "项目资金(元)\t\t\t年初预算数\t全年预算\t效\t全年：\t丸\t行数\t分值\t执行率\t得分",
            "\t\t年度资金总额\t\t10,495,251.00\t\t10,495,251.00\t\t\t10\t100.00%\t10",
            "\t\t其中：当年财政拨款\t—\t9,827,298.00\t\t9,827,298.00\t\t\t—\t\t")).Form;
        form.Funds.Rows.Total.Executed.ShouldBe(10495251m);
        form.Funds.Rows.CurrentYearAppropriation.Executed.ShouldBe(9827298m);
        form.Funds.Rows.Total.AnnualBudget.ShouldBe(10495251m);
        form.Funds.ExecutionRatePercent.ShouldBe(100m);
    }

    /// <summary>Corpus dev case 23: a blank 年初预算数 and a 得分 cell merged over the last two columns.</summary>
    [Fact]
    public void FundsTable_keeps_a_blank_initial_budget_in_its_column_beside_a_merged_score_cell()
    {
        var form = FormMapper.Map(Repo.HtmlSegment(
            "<tr><td rowspan=5>项目资金(万元)</td><td>&nbsp;</td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td colspan=2>得分</td></tr>",
            "<tr><td>年度资金总额</td><td>&nbsp;</td><td>30.86</td><td>30.86</td><td>10</td><td>100%</td><td colspan=2>10</td></tr>",
            "<tr><td>其中:当年财政拨款</td><td>&nbsp;</td><td>28.86</td><td>28.86</td><td>&nbsp;</td><td>&nbsp;</td><td colspan=2>&nbsp;</td></tr>",
            "<tr><td>上年结转资金</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>—</td><td>&nbsp;</td><td colspan=2>&nbsp;</td></tr>",
            "<tr><td>其他资金</td><td>&nbsp;</td><td>2.00</td><td>2.00</td><td>—</td><td>&nbsp;</td><td colspan=2>&nbsp;</td></tr>")).Form;
        form.Funds.Rows.Total.InitialBudget.ShouldBeNull();
        form.Funds.Rows.Total.AnnualBudget.ShouldBe(308600m);
        form.Funds.Rows.Total.Executed.ShouldBe(308600m);
        form.Funds.Weight.ShouldBe(10m);
        form.Funds.ExecutionRatePercent.ShouldBe(100m);
        form.Funds.Score.ShouldBe(10m);
        form.Funds.Rows.Other.AnnualBudget.ShouldBe(20000m);
    }

    /// <summary>Corpus dev case 6 (LibreOffice): a narrow 年初预算数 column cut "194,304" to "194,30".</summary>
    [Fact]
    public void FundsTable_keeps_a_row_in_its_columns_when_a_narrow_cell_cut_a_number_and_reads_that_number_as_unreadable()
    {
        var mapped = FormMapper.Map(Repo.Segment(
            "项目资金(元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t",
            "\t年度资金总额\t194,30\t215,637\t183,404\t20.00\t85.05%\t17.01\t",
            "\t其中：本年财政拨款\t194,30\t215,637\t183,404\t—\t\t\t"));
        var funds = mapped.Form.Funds;
        funds.Rows.Total.InitialBudget.ShouldBeNull();
        funds.Rows.Total.AnnualBudget.ShouldBe(215637m);
        funds.Rows.Total.Executed.ShouldBe(183404m);
        funds.Weight.ShouldBe(20m);
        funds.Score.ShouldBe(17.01m);
        new Extractor.Validation.UnreadableValueCheck().Run(mapped).Select(c => c.Field)
            .ShouldContain("funds.rows.total.initialBudget");
    }

    /// <summary>Corpus dev case 12 (text export): the page ended between the two header rows of a split target.</summary>
    [Fact]
    public void A_split_target_header_continued_after_a_page_break_still_joins_the_three_columns()
    {
        var form = FormMapper.Map(Repo.Segment(
            "绩效指标	一级指标	二级指标	三级指标	年度指标值			实际完成值	分值	得分	偏差原因分析及改进措施",
            "",
            "				指标性质	指标值	度量单位				",
            "	产出指标	数量指标	改造小区数量	≥	5	个	5个	21	21	",
            "		质量指标	验收合格率	≥	99	%	100%	19.5	19.5	")).Form;
        form.Indicators.Select(i => i.Target).ShouldBe(["≥5个", "≥99%"]);
    }

    [Fact]
    public void FundsTable_turns_ten_thousand_yuan_into_yuan()
    {
        var form = FormMapper.Map(Repo.Segment(
            "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "\t年度资金总额\t12.5\t12.35\t12.35\t10\t100%\t10")).Form;
        form.Funds.UnitAsPrinted.ShouldBe("万元");
        form.Funds.Rows.Total.InitialBudget.ShouldBe(125000m);
        form.Funds.Rows.Total.AnnualBudget.ShouldBe(123500m);
    }

    [Fact]
    public void GoalsBlock_appends_text_continued_after_a_page_break_to_both_goals()
    {
        // Seed form 6: both goal texts run over a page break.
        var form = FormMapper.Map(Repo.Segment(
            "预算目标\t\t\t\t实际完成情况\t\t\t",
            "年度 总体 目标\t<p>项目总目标 一、采集</p> <p>年度绩效目标 四、绿化市容基础数据更新与</p>\t\t\t<p>一、林业“三防”：数据库存储安全模块功能运作及</p>\t\t\t",
            "",
            "统计 完成渣土综合监管系统，生活垃圾物流系统\t\t\t\t日常运维。八、绿化市容信息化发展调研报告：完成了市绿容局信息化十四五规划报告。\t\t\t\t")).Form;
        form.Goals.Planned.ShouldBe("项目总目标一、采集\n年度绩效目标四、绿化市容基础数据更新与统计完成渣土综合监管系统，生活垃圾物流系统");
        form.Goals.Achieved.ShouldBe("一、林业“三防”：数据库存储安全模块功能运作及日常运维。八、绿化市容信息化发展调研报告：完成了市绿容局信息化十四五规划报告。");
    }

    [Fact]
    public void HeaderFields_read_values_beside_their_labels_and_the_year_of_the_title_rows()
    {
        var form = FormMapper.Map(Repo.Segment(
            "财政项目支出绩效自评表\t\t\t\t\t\t\t\t",
            "(2020 年度)\t\t\t\t\t\t\t\t",
            "项目名称\t上海市绿化市容综合服务信息平台(运维)\t\t\t\t\t\t\t",
            "主管部门\t上海市绿化和市容管理局\t\t\t实施单位\t上海市绿化和市容 管理信息中心\t\t\t")).Form;
        form.Title.ShouldBe("财政项目支出绩效自评表");
        form.Year.ShouldBe(2020);
        form.ProjectName.ShouldBe("上海市绿化市容综合服务信息平台(运维)");
        form.Department.ShouldBe("上海市绿化和市容管理局");
        form.ImplementingUnit.ShouldBe("上海市绿化和市容管理信息中心");
    }

    [Fact]
    public void HeaderFields_read_a_value_printed_after_a_colon_in_the_label_cell()
    {
        var form = FormMapper.Map(Repo.Segment("XX县2021年度项目支出绩效自评表", "项目名称：乡村道路维护", "主管部门：219-县交通运输局\t实施单位：县公路所")).Form;
        form.Year.ShouldBe(2021);
        form.ProjectName.ShouldBe("乡村道路维护");
        form.Department.ShouldBe("219-县交通运输局");
        form.ImplementingUnit.ShouldBe("县公路所");
    }
}
