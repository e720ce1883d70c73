using Extractor.Text;

namespace Extractor.Tests.Text;

public class LabelTests
{
    [Theory]
    [InlineData("年度 总体 目标")]
    [InlineData("年度\n总体目标")]
    [InlineData("年度总体⽬标")]
    public void Labels_match_by_meaning_whatever_their_whitespace_or_radicals(string printed) =>
        Label.Is(printed, FormLabels.Goals).ShouldBeTrue();

    [Theory]
    [InlineData("其中：当年财政拨款")]
    [InlineData("其中:本年财政拨款")]
    [InlineData("本年财政拨款")]
    public void Appropriation_synonyms_of_local_templates_are_one_label(string printed) =>
        Label.Is(printed, FormLabels.Appropriation).ShouldBeTrue();

    [Fact]
    public void Brackets_of_either_width_compare_equal() =>
        Label.Key("项目资金（元）").ShouldBe(Label.Key("项目资金 (元)"));

    [Fact]
    public void A_value_that_merely_mentions_a_label_is_not_that_label() =>
        Label.Is("上海市绿化市容视频共享交换平台建设项目", FormLabels.ProjectName).ShouldBeFalse();
}
