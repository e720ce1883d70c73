using Extractor.Accuracy;
using Shouldly;
using Xunit;

namespace Extractor.Tests.Accuracy;

public sealed class ParagraphBreaksTests
{
    // A goals cell of the seed's second form, as printed over two paragraphs.
    private const string Goals = "1.完成全县农村公路养护。\n2.保障道路安全畅通。";

    [Fact]
    public void A_text_without_one_of_the_expected_paragraph_breaks_is_right() =>
        ParagraphBreaks.OnlyDropped(Goals, "1.完成全县农村公路养护。2.保障道路安全畅通。").ShouldBeTrue();

    [Fact]
    public void A_break_the_expected_text_lacks_is_a_wrap_artifact_and_wrong() =>
        ParagraphBreaks.OnlyDropped("完成全县农村公路养护。", "完成全县农村\n公路养护。").ShouldBeFalse();

    [Fact]
    public void A_dropped_break_does_not_excuse_another_difference() =>
        ParagraphBreaks.OnlyDropped(Goals, "1.完成全县农村公路养护。2.保障道路安全畅。").ShouldBeFalse();

    [Fact]
    public void A_missing_character_in_place_of_a_break_is_wrong() =>
        ParagraphBreaks.OnlyDropped("养护\n2.保障", "养护2保障").ShouldBeFalse();
}
