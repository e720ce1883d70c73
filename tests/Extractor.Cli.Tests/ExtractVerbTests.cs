using System.Text.Json.Nodes;

namespace Extractor.Cli.Tests;

public class ExtractVerbTests
{
    [Fact]
    public void Extracting_the_seed_writes_six_documents_and_prints_a_line_per_form()
    {
        var output = CliRun.TempFolder();
        var result = CliRun.Run("extract", "fixtures/seed/000_3040adc6ab17b275.txt", "--out", output);

        result.ExitCode.ShouldBe(0, result.Err);
        Directory.GetFiles(output, "*.json").Length.ShouldBe(6);
        var lines = result.Out.Trim().Split('\n');
        lines.Length.ShouldBe(7);
        lines[1].ShouldContain("上海市绿化市容视频共享交换平台建设项目");
        lines[1].ShouldContain("no checks");
        lines[^1].ShouldStartWith("1 files, 6 forms");
    }

    [Fact]
    public void A_folder_is_walked_and_bad_files_fail_with_one_clear_line_each()
    {
        var output = CliRun.TempFolder();
        var result = CliRun.Run("extract", "fixtures/bad", "fixtures/bad/garbage.bin", "fixtures/cut-off", "--out", output);

        result.ExitCode.ShouldBe(1);
        foreach (var file in new[] { "empty.txt", "garbage.bin", "no-form.txt", "bad-utf8.txt", "other-form.txt" })
            result.Err.Split('\n').Count(l => l.Contains(file) && l.Contains("ERR")).ShouldBe(1, file);
        result.Err.ShouldNotContain("   at ");
        result.Err.ShouldNotContain("Exception");
        Directory.GetFiles(output, "*.json").Length.ShouldBe(1);
        // In a folder walk, files of no input kind are passed over (named in the log), not failed.
        result.Err.ShouldContain("README.md: passed over");
        result.Out.ShouldContain("3 other files passed over");
    }

    [Fact]
    public void A_file_that_fails_in_a_way_no_reader_foresaw_fails_alone_and_the_next_file_is_written()
    {
        // A 45 MB line of text read under a 96 MB heap: decoding it throws OutOfMemoryException, which no reader catches.
        var inputs = CliRun.TempFolder();
        File.WriteAllText(Path.Combine(inputs, "a-one-huge-line.txt"), "项目名称\t" + new string('绿', 15_000_000) + "\n");
        File.Copy(Path.Combine(CliRun.Fixtures, "cut-off", "cut-off.txt"), Path.Combine(inputs, "b-good.txt"));
        var config = Path.Combine(CliRun.TempFolder(), "pipeline.json");
        File.WriteAllText(config, """{ "Extractor": { "Parallelism": 1 } }""");
        var output = CliRun.TempFolder();

        var result = CliRun.RunWith(CliRun.Root, new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x6000000" },
            "extract", inputs, "--out", output, "--config", config);

        result.ExitCode.ShouldBe(1, result.Err);
        var error = result.Err.Split('\n').Where(l => l.Contains("ERR")).ShouldHaveSingleItem();
        error.ShouldContain("a-one-huge-line.txt: ");
        result.Err.ShouldNotContain("   at ");
        Directory.GetFiles(output, "b-good_*.json").ShouldHaveSingleItem();
        result.Out.ShouldContain("2 files, 1 forms written");
    }

    [Fact]
    public void A_form_cut_off_half_way_is_written_partially_with_missing_field_checks()
    {
        var output = CliRun.TempFolder();
        CliRun.Run("extract", "fixtures/cut-off/cut-off.txt", "--out", output).ExitCode.ShouldBe(0);
        var form = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(output).Single()))!;
        form["totalScore"].ShouldBeNull();
        form["checks"]!.AsArray().Select(c => (string?)c!["code"]).ShouldContain("missing-field");
    }

    [Fact]
    public void Bad_usage_exits_with_two_and_says_why()
    {
        var result = CliRun.Run("extract", "fixtures/seed");
        result.ExitCode.ShouldBe(2);
        result.Err.ShouldContain("--out");
    }

    [Fact]
    public void A_missing_input_is_bad_usage()
    {
        var result = CliRun.Run("extract", "no/such/file.txt", "--out", CliRun.TempFolder());
        result.ExitCode.ShouldBe(2);
        result.Err.ShouldContain("no/such/file.txt");
    }

    [Fact]
    public void A_broken_configuration_file_is_bad_usage_naming_the_setting()
    {
        var config = Path.Combine(CliRun.TempFolder(), "pipeline.json");
        File.WriteAllText(config, """{ "Extractor": { "Parallelism": -3 } }""");
        var result = CliRun.Run("extract", "fixtures/seed", "--out", CliRun.TempFolder(), "--config", config);
        result.ExitCode.ShouldBe(2);
        result.Err.ShouldContain("Parallelism");
    }

    [Fact]
    public void The_schema_verb_prints_the_contract_on_standard_output()
    {
        var result = CliRun.Run("schema");
        result.ExitCode.ShouldBe(0);
        JsonNode.Parse(result.Out)!["properties"]!["indicators"].ShouldNotBeNull();
        result.Err.ShouldBeEmpty();
    }
}
