using Extractor.Readers.Ocr;

namespace Extractor.Tests.Readers;

/// <summary>Readings of the generated corpus's dev scans (scan300), as PP-OCR gave them.</summary>
public class TargetMisreadingsTests
{
    [Theory]
    [InlineData("≥ 97%", "≥97%")]
    [InlineData("=。次", "=0次")]
    [InlineData("=O次", "=0次")]
    [InlineData("。", "0")]
    [InlineData("了", "7")]
    public void A_targets_misread_space_or_zero_after_its_sign_and_a_seven_read_as_a_lone_了_are_put_right(string read, string expected) =>
        TargetMisreadings.Tidy(read).ShouldBe(expected);

    [Theory]
    [InlineData("≥97%")]
    [InlineData("=0次")]
    [InlineData("O型")]
    [InlineData("服务 90")]
    [InlineData("了解程度")]
    public void Other_text_stays(string read) => TargetMisreadings.Tidy(read).ShouldBe(read);
}
