using Extractor.Accuracy;
using Shouldly;
using Xunit;

namespace Extractor.Tests.Accuracy;

public sealed class ParagraphBreaksTests
{
    // The paragraph break in the planned goals of the seed's sixth form (fixtures/seed/expected/06.json).
    private const string Goals = "完成绿化市容信息化发展调研报告。\n年度绩效目标一、林业“三防”";

    [Fact]
    public void A_text_without_one_of_the_expected_paragraph_breaks_is_right() =>
        ParagraphBreaks.OnlyDropped(Goals, "完成绿化市容信息化发展调研报告。年度绩效目标一、林业“三防”").ShouldBeTrue();

    [Fact]
    public void A_break_the_expected_text_lacks_is_a_wrap_artifact_and_wrong() =>
        ParagraphBreaks.OnlyDropped("完成绿化市容信息化发展调研报告。", "完成绿化市容信息化\n发展调研报告。").ShouldBeFalse();

    [Fact]
    public void A_dropped_break_does_not_excuse_another_difference() =>
        ParagraphBreaks.OnlyDropped(Goals, "完成绿化市容信息化发展调研报告。年度绩效目标一、林业“三防").ShouldBeFalse();

    [Fact]
    public void A_missing_character_in_place_of_a_break_is_wrong() =>
        ParagraphBreaks.OnlyDropped(Goals, "完成绿化市容信息化发展调研报告年度绩效目标一、林业“三防”").ShouldBeFalse();
}
