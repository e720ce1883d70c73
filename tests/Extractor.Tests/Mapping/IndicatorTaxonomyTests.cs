using Extractor.Mapping;

namespace Extractor.Tests.Mapping;

public class IndicatorTaxonomyTests
{
    [Theory]
    [InlineData("数量指标", "产出指标")]
    [InlineData("成本指标", "产出指标")]
    [InlineData("生态环境效益指标", "效益指标")]
    [InlineData("可持续影响指标", "效益指标")]
    [InlineData("服务对象满意度指标", "满意度指标")]
    public void A_level2_names_its_level1(string level2, string level1) =>
        IndicatorTaxonomy.Level1Of(level2).ShouldBe(level1);

    [Fact]
    public void The_level1_of_a_cost_sub_kind_is_left_to_the_printed_block() =>
        IndicatorTaxonomy.Level1Of("经济成本指标").ShouldBeNull();

    /// <summary>The last two: dev scans (cases 29, 36), the opening bracket read as an angle bracket.</summary>
    [Theory]
    [InlineData("产出指标（50分）")]
    [InlineData("产出指标〈50分)")]
    [InlineData("产出指标《50分)")]
    public void Points_printed_beside_a_level1_label_are_not_part_of_it(string printed) =>
        IndicatorTaxonomy.CleanLevelLabel(printed).ShouldBe("产出指标");

    [Fact]
    public void An_indicator_name_is_not_a_hierarchy_label() =>
        IndicatorTaxonomy.IsHierarchyLabel("项目验收规范性").ShouldBeFalse();
}
