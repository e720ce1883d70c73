using Extractor.Mapping;
using Extractor.Output;

namespace Extractor.Tests.Mapping;

public class MergedLabelFillTests
{
    private static List<IndicatorRow> Rows(params (string? Level1, string? Level2)[] labels) =>
        labels.Select(l => { var r = new IndicatorRow(); r.Value.Level1 = l.Level1; r.Value.Level2 = l.Level2; r.Value.Name = "x"; return r; }).ToList();

    [Fact]
    public void MergedLabelFill_back_fills_a_label_printed_on_the_middle_row()
    {
        // Seed form 6: 产出指标 printed on the third of its four rows.
        var rows = Rows((null, "数量指标"), (null, null), ("产出指标", "质量指标"), (null, "时效指标"),
            ("效益指标", "社会效益指标"), (null, null), (null, "可持续影响指标"));
        MergedLabelFill.Apply(rows, new ReadingLog());
        rows.Select(r => r.Value.Level1).ShouldBe(["产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "效益指标"]);
        rows.Select(r => r.Value.Level2).ShouldBe(["数量指标", "数量指标", "质量指标", "时效指标", "社会效益指标", "社会效益指标", "可持续影响指标"]);
    }

    [Fact]
    public void MergedLabelFill_puts_cost_sub_kinds_in_a_printed_cost_block_whichever_row_carries_its_label()
    {
        // Corpus dev case 39, form 2: 成本指标 printed on the second row of its block, under the 产出指标 block.
        var rows = Rows((null, "成本指标"), ("产出指标", "数量指标"), (null, "社会成本指标"), ("成本指标", null), (null, "可持续影响指标"), ("效益指标", "生态环境效益指标"));
        MergedLabelFill.Apply(rows, new ReadingLog());
        rows.Select(r => r.Value.Level1).ShouldBe(["产出指标", "产出指标", "成本指标", "成本指标", "效益指标", "效益指标"]);
        rows.Select(r => r.Value.Level2).ShouldBe(["成本指标", "数量指标", "社会成本指标", "社会成本指标", "可持续影响指标", "生态环境效益指标"]);
    }

    [Fact]
    public void MergedLabelFill_infers_level1_from_a_level2_of_the_taxonomy()
    {
        var rows = Rows((null, "服务对象满意度指标"));
        MergedLabelFill.Apply(rows, new ReadingLog());
        rows[0].Value.Level1.ShouldBe("满意度指标");
    }

    [Fact]
    public void MergedLabelFill_fills_an_unknown_level1_down_its_block()
    {
        var rows = Rows(("自定义指标", "自定义二级"), (null, null));
        MergedLabelFill.Apply(rows, new ReadingLog());
        rows[1].Value.Level1.ShouldBe("自定义指标");
        rows[1].Value.Level2.ShouldBe("自定义二级");
    }

    [Fact]
    public void MergedLabelFill_leaves_rows_outside_the_hierarchy_alone()
    {
        var rows = Rows(("产出指标", "数量指标"), (null, null));
        rows[1].OutsideHierarchy = true;
        MergedLabelFill.Apply(rows, new ReadingLog());
        rows[1].Value.Level1.ShouldBeNull();
        rows[1].Value.Level2.ShouldBeNull();
    }
}
