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

    [Theory]
    [InlineData("12345678901234567890123456789012345678901", 1)]
    [InlineData("10,000,000,000,000,000.00", 1)]
    [InlineData("-99999999999999999", 1)]
    [InlineData("1,000,000,000,000", 10_000)]
    public void A_number_too_large_to_be_a_value_is_out_of_range_never_a_throw(string printed, int multiplier)
    {
        var reading = NumberText.Read(printed, multiplier);
        reading.Kind.ShouldBe(NumberKind.OutOfRange);
        reading.Value.ShouldBeNull();
        reading.Printed.ShouldBe(printed);
        NumberText.LooksNumeric(printed).ShouldBeTrue("it still stands where a number stands when rows are aligned");
    }

    [Fact]
    public void The_largest_amount_under_the_limit_reads_in_yuan_from_ten_thousand_yuan() =>
        NumberText.Read("999,999,999,999.9999", 10_000).Value.ShouldBe(9_999_999_999_999_999m);

    [Fact]
    public void Normalised_values_print_without_trailing_zeros() =>
        NumberText.Normalize(854500.00m).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("854500");

    [Fact]
    public void A_number_a_narrow_cell_cut_looks_numeric_but_does_not_read()
    {
        NumberText.LooksNumeric("194,30").ShouldBeTrue();
        NumberText.Read("194,30").Kind.ShouldBe(NumberKind.Unreadable);
    }
}
