using Extractor.Validation;

namespace Extractor.Tests.Validation;

/// <summary>Rows of the generated photos (dev cases 10 and 12) where PP-OCR was sure of a 2 printed as ≥, and rows it read right.</summary>
public class SignReadAsTwoTests
{
    [Theory]
    [InlineData("292万元", "101万元")]
    [InlineData("262.7万元", "57.4万元")]
    [InlineData("286%", "91%")]
    public void A_target_whose_leading_2_makes_it_far_above_an_actual_its_rest_is_near_is_suspect(string target, string actual) =>
        SignReadAsTwo.Suspect(target, actual).ShouldBeTrue();

    [Theory]
    [InlineData("≥92万元", "101万元")]
    [InlineData("2小时", "1小时")]
    [InlineData("25%", "24%")]
    [InlineData("200人", "180人")]
    [InlineData("292万元", "101人")]
    [InlineData("292万元", null)]
    public void Targets_read_as_printed_are_not(string target, string? actual) =>
        SignReadAsTwo.Suspect(target, actual).ShouldBeFalse();
}
