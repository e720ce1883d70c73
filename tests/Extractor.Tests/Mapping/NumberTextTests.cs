using Extractor.Mapping;

namespace Extractor.Tests.Mapping;

public class NumberTextTests
{
    [Theory]
    [InlineData("854,500", "854500")]
    [InlineData("854500.00", "854500")]
    [InlineData("854,500.00", "854500")]
    [InlineData("883,778.8", "883778.8")]
    [InlineData("100.00%", "100")]
    [InlineData("22.5", "22.5")]
    [InlineData("２０", "20")]
    [InlineData("10分", "10")]
    public void Numbers_as_forms_print_them_read_as_their_value(string printed, string value)
    {
        var reading = NumberText.Read(printed);
        reading.Kind.ShouldBe(NumberKind.Number);
        reading.Value.ShouldBe(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("—")]
    [InlineData("-")]
    [InlineData("/")]
    public void A_dash_placeholder_is_no_value(string printed)
    {
        var reading = NumberText.Read(printed);
        reading.Kind.ShouldBe(NumberKind.Placeholder);
        reading.Value.ShouldBeNull();
    }

    [Theory]
    [InlineData("#REF!")]
    [InlineData("#DIV/0!")]
    [InlineData("基本合理")]
    public void Spreadsheet_errors_and_words_are_unreadable_and_never_guessed(string printed)
    {
        var reading = NumberText.Read(printed);
        reading.Kind.ShouldBe(NumberKind.Unreadable);
        reading.Value.ShouldBeNull();
        reading.Printed.ShouldBe(printed);
    }

    [Fact]
    public void Normalised_values_print_without_trailing_zeros() =>
        NumberText.Normalize(854500.00m).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("854500");
}
