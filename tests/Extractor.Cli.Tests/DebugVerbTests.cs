namespace Extractor.Cli.Tests;

public class DebugVerbTests
{
    [Fact]
    public void Debug_draws_the_grid_found_on_a_pdf_page_over_the_page_image_and_writes_its_rows()
    {
        var output = CliRun.TempFolder();
        var result = CliRun.Run("debug", "fixtures/seed/seed.chromium.pdf", "--page", "1", "--out", output);

        result.ExitCode.ShouldBe(0, result.Err);
        result.Out.ShouldStartWith("page 1 (pdf-text): ");
        var rows = File.ReadAllLines(Path.Combine(output, "seed.chromium.p1.grid.tsv"));
        rows.ShouldContain(r => r.StartsWith("项目名称\t上海绿化和市容管理局“一网通办”政务服务管理系统", StringComparison.Ordinal));
        var svg = File.ReadAllText(Path.Combine(output, "seed.chromium.p1.svg"));
        svg.ShouldContain("href=\"data:image/png;base64,");
        svg.ShouldContain("<title>r0 c0");
        var traced = File.ReadAllText(Path.Combine(output, "seed.chromium.p1.trace.svg"));
        traced.ShouldContain("href=\"data:image/png;base64,");
        traced.ShouldContain("<title>#1 projectName conf 1.00</title>");
        traced.ShouldContain("<title>#2 goals.achieved conf 1.00</title>");
        Directory.GetFiles(output).Length.ShouldBe(3);
    }

    [Fact]
    public void Debug_draws_a_scans_rulings_as_well_as_its_cells_over_the_prepared_image()
    {
        var output = CliRun.TempFolder();
        var result = CliRun.Run("debug", "fixtures/variants/variants.scan300-bw.tif", "--page", "1", "--out", output);

        result.ExitCode.ShouldBe(0, result.Err);
        result.Out.ShouldStartWith("page 1 (image-ocr): ");
        var svg = File.ReadAllText(Path.Combine(output, "variants.scan300-bw.p1.svg"));
        svg.ShouldContain("href=\"data:image/png;base64,");
        svg.ShouldContain("<title>r0 c0");
        var rulings = svg[svg.IndexOf("<g class=\"rulings\"", StringComparison.Ordinal)..];
        System.Text.RegularExpressions.Regex.Count(rulings, "<rect ").ShouldBeGreaterThan(20);
        // The prepared page drawn at 100 dpi: a third of the width of the 300 dpi original (3508 px), the background before.
        var width = int.Parse(System.Text.RegularExpressions.Regex.Match(svg, "<image x=\"0\" y=\"0\" width=\"(\\d+)\"").Groups[1].Value);
        width.ShouldBeInRange(3508 / 3 - 2, 3508 / 3 + 2);
    }

    [Fact]
    public void Debug_of_a_text_export_writes_the_rows_of_its_grid_without_a_drawing()
    {
        var output = CliRun.TempFolder();
        var result = CliRun.Run("debug", "fixtures/cut-off/cut-off.txt", "--out", output);

        result.ExitCode.ShouldBe(0, result.Err);
        Directory.GetFiles(output).Select(Path.GetFileName).ShouldBe(["cut-off.p1.grid.tsv"]);
    }
}
