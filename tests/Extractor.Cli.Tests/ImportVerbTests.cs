using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Extractor.Cli.Tests;

public class ImportVerbTests
{
    [Fact]
    public void Importing_folders_writes_every_form_into_the_outbox_and_a_report_with_years_kinds_and_failures()
    {
        var data = CliRun.TempFolder();
        var result = CliRun.Run("import", "fixtures/seed", "fixtures/variants", "fixtures/bad", "--data", data);

        result.ExitCode.ShouldBe(1, result.Err);
        // seed: 4 inputs × 6 forms, variants: 2 × 4 forms; four bad inputs fail, each with its reason; the expected
        // JSON, the notes and garbage.bin are not input kinds and are passed over.
        Directory.GetFiles(Path.Combine(data, "outbox"), "*.json").Length.ShouldBe(4 * 6 + 2 * 4);
        result.Out.ShouldContain("10 files, 32 forms, 0 already imported, 4 failed, 12 other files passed over");
        result.Err.ShouldContain("failed: bad/empty.txt: the file is empty (0 bytes)");
        result.Err.ShouldNotContain("   at ");

        var report = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(data, "state", "reports"), "import-*.json").Single()))!;
        report["forms"]!.GetValue<int>().ShouldBe(32);
        report["failures"]!.GetValue<int>().ShouldBe(4);
        var lines = report["lines"]!.AsArray();
        lines.ShouldContain(l => l!["year"]!.GetValue<string>() == "2020" && l["kind"]!.GetValue<string>() == "Html" && l["forms"]!.GetValue<int>() > 0);
        lines.Sum(l => l!["checks"]!.GetValue<int>()).ShouldBeGreaterThan(0);
        // Import leaves the originals where they are; a failed file is copied into quarantine with its note.
        File.Exists(Path.Combine(CliRun.Fixtures, "bad", "empty.txt")).ShouldBeTrue();
        File.Exists(Path.Combine(data, "quarantine", "bad", "empty.txt.error.json")).ShouldBeTrue();
    }

    [Fact]
    public void Importing_the_same_folder_twice_adds_nothing()
    {
        var data = CliRun.TempFolder();
        CliRun.Run("import", "fixtures/seed", "--data", data).ExitCode.ShouldBe(0);
        var first = Directory.GetFiles(Path.Combine(data, "outbox")).Order().ToList();

        var again = CliRun.Run("import", "fixtures/seed", "--data", data);

        again.ExitCode.ShouldBe(0, again.Err);
        again.Out.ShouldContain("0 forms, 4 already imported, 0 failed");
        Directory.GetFiles(Path.Combine(data, "outbox")).Order().ToList().ShouldBe(first);
    }

    [Fact]
    public void An_import_killed_half_way_completes_on_the_next_run_without_duplicates()
    {
        var source = CliRun.TempFolder();
        var seed = File.ReadAllBytes(Path.Combine(CliRun.Fixtures, "seed", "000_3040adc6ab17b275.txt"));
        const int files = 120;
        for (var i = 0; i < files; i++)
            File.WriteAllBytes(Path.Combine(source, $"year-{i:000}.txt"), [.. seed, .. Encoding.ASCII.GetBytes(new string('\n', i + 1))]);
        var data = CliRun.TempFolder();

        using (var import = CliRun.Start("import", source, "--data", data))
        {
            var outbox = Path.Combine(data, "outbox");
            var clock = Stopwatch.StartNew();
            while ((!Directory.Exists(outbox) || Directory.GetFiles(outbox, "*.json").Length < 60) && clock.Elapsed < TimeSpan.FromMinutes(2))
                Thread.Sleep(20);
            import.Kill(entireProcessTree: true);
            import.WaitForExit();
            Directory.GetFiles(outbox, "*.json").Length.ShouldBeLessThan(files * 6, "the import finished before it could be killed");
        }

        var resumed = CliRun.Run("import", source, "--data", data);

        resumed.ExitCode.ShouldBe(0, resumed.Err);
        var outputs = Directory.GetFiles(Path.Combine(data, "outbox"));
        outputs.Count(f => f.EndsWith(".json", StringComparison.Ordinal)).ShouldBe(files * 6);
        outputs.ShouldAllBe(f => !Path.GetFileName(f).StartsWith('.'));
        var status = CliRun.Run("status", "--data", data);
        status.Out.ShouldContain($"processed     {files} files ({files * 6} forms)");
    }
}
