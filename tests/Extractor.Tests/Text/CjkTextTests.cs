using Extractor.Text;

namespace Extractor.Tests.Text;

public class CjkTextTests
{
    [Fact]
    public void Kangxi_radicals_from_pdf_fonts_become_ideographs() =>
        CjkText.ToIdeographs("项⽬名称").ShouldBe("项目名称");

    /// <summary>Corpus dev case 18: Chromium's print in Noto Serif CJK SC maps 户 to the Kangxi radical DOOR.</summary>
    [Fact]
    public void The_kangxi_radical_door_of_a_simplified_font_becomes_the_simplified_ideograph() =>
        CjkText.ToIdeographs("发放补贴\u2F3E数 8497\u2F3E").ShouldBe("发放补贴户数 8497户");

    [Fact]
    public void Radicals_supplement_characters_become_the_simplified_ideographs() =>
        CjkText.ToIdeographs("主管部⻔").ShouldBe("主管部门");

    [Theory]
    [InlineData("年度 总体 目标", "年度总体目标")]
    [InlineData("上海市绿化和市容 管理信息中心", "上海市绿化和市容管理信息中心")]
    [InlineData("绿化林业遥感与地理信息系统 (运维)", "绿化林业遥感与地理信息系统(运维)")]
    [InlineData("偏差原因分析及\n改进措施", "偏差原因分析及改进措施")]
    [InlineData("  LED  屏 ", "LED 屏")]
    [InlineData(">=13份", ">=13份")]
    [InlineData("实现资金使用规范高效。 2.已保障检查任务82个", "实现资金使用规范高效。2.已保障检查任务82个")] // dev bw scan, case 15
    [InlineData("（2） 2023年", "（2）2023年")]
    public void Whitespace_between_CJK_characters_is_a_wrapping_artifact(string printed, string clean) =>
        CjkText.CleanLine(printed).ShouldBe(clean);

    [Fact]
    public void Full_width_punctuation_stays_full_width() =>
        CjkText.CleanLine("其中：当年财政拨款（元）").ShouldBe("其中：当年财政拨款（元）");

    [Fact]
    public void A_blank_cell_is_null_never_empty() => CjkText.CleanLine(" \t ").ShouldBeNull();

    [Fact]
    public void Wrapped_lines_join_without_spaces_between_CJK_and_with_one_otherwise() =>
        CjkText.JoinWrapped(["新建应用系统与平", "台数量（个）", "LED", "screens"]).ShouldBe("新建应用系统与平台数量（个） LED screens");

    [Fact]
    public void Paragraphs_are_kept_as_line_breaks() =>
        CjkText.JoinParagraphs(["第一段。", " ", "第二段。"]).ShouldBe("第一段。\n第二段。");

    [Fact]
    public void Text_continued_after_a_page_break_joins_the_cell_it_continues() =>
        CjkText.Continue("四、绿化市容基础数据更新与", "统计完成渣土综合监管系统").ShouldBe("四、绿化市容基础数据更新与统计完成渣土综合监管系统");

    [Theory]
    [InlineData("阶段性目标：2020", "年年中，完成优化", "阶段性目标：2020年年中，完成优化")] // seed form 1, wrapped after the year
    [InlineData("通过集成对接", "GIS数据", "通过集成对接GIS数据")]
    [InlineData("summary of", "the works", "summary of the works")]
    public void A_printed_line_continues_without_a_space_where_either_side_is_CJK(string line, string next, string joined) =>
        CjkText.ContinuePrinted(line, next).ShouldBe(joined);
}
