using Extractor.Mapping;

namespace Extractor.Tests.Mapping;

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

    /// <summary>The seed's ">=13份" row as a noisy scan reads it: its ≥ a 2 beside an actual of 13份.</summary>
    [Fact]
    public void On_a_form_read_by_ocr_the_2_is_taken_as_the_sign_and_the_target_stays_flagged()
    {
        var pipeline = Repo.Pipeline();
        var file = Extractor.Readers.InputFile.Load(Repo.Seed);
        var (kind, grid) = pipeline.ReadGrid(file);
        Extractor.Grid.GridDocument Read(string method)
        {
            var seen = 0;
            return new(grid.Pages.Select(p => new Extractor.Grid.GridPage(p.Number, method, p.Cells.Select(c =>
                c.Text != ">=13份" ? c : c with { Text = ++seen == 1 ? "213份" : "13份" }))).ToList());
        }

        var scanned = pipeline.Extract(file, kind, Read(Extractor.Grid.ReadMethod.PdfOcr)).Forms
            .SelectMany(f => f.Indicators.Select((i, n) => (Form: f, Indicator: i, At: $"indicators[{n}]"))).Single(x => x.Indicator.Actual == "13份");
        scanned.Indicator.Target.ShouldBe("≥13份");
        scanned.Form.Checks.ShouldContain(c => c.Code == "low-confidence" && c.Field == scanned.At + ".target" && c.Message.Contains("213份"));

        var typed = pipeline.Extract(file, kind, Read(Extractor.Grid.ReadMethod.PdfText)).Forms
            .SelectMany(f => f.Indicators).Single(i => i.Actual == "13份");
        typed.Target.ShouldBe("213份", "a text layer prints what the office typed");
    }
}
