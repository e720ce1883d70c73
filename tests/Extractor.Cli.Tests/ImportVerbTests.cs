using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Extractor.Cli.Tests;

public class ImportVerbTests
{
    /// <summary>
    /// A folder like an archive year: the seed and variants inputs with a text layer (scans are left to the OCR
    /// tests, they would only slow this down), their expected JSON and notes beside them, and the bad inputs.
    /// Returns it with the number of forms its inputs hold.
    /// </summary>
    private static (string Folder, int Inputs, int Forms) ArchiveYear()
    {
        var folder = CliRun.TempFolder();
        int inputs = 0, forms = 0;
        foreach (var fixtureCase in new[] { "seed", "variants" })
        {
            var source = Path.Combine(CliRun.Fixtures, fixtureCase);
            var target = Directory.CreateDirectory(Path.Combine(folder, fixtureCase, "expected")).Parent!.FullName;
            var expected = Directory.GetFiles(Path.Combine(source, "expected"));
            foreach (var file in expected) File.Copy(file, Path.Combine(target, "expected", Path.GetFileName(file)));
            foreach (var file in Directory.GetFiles(source).Where(f => !Path.GetFileName(f).Contains(".scan", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
                inputs++;
                forms += expected.Length;
            }
        }
        Directory.CreateDirectory(Path.Combine(folder, "bad"));
        foreach (var file in Directory.GetFiles(Path.Combine(CliRun.Fixtures, "bad")))
            File.Copy(file, Path.Combine(folder, "bad", Path.GetFileName(file)));
        return (folder, inputs, forms);
    }

    [Fact]
    public void Importing_folders_writes_every_form_into_the_outbox_and_a_report_with_years_kinds_and_failures()
    {
        var (year, _, forms) = ArchiveYear();
        var data = CliRun.TempFolder();
        var result = CliRun.Run("import", Path.Combine(year, "seed"), Path.Combine(year, "variants"), Path.Combine(year, "bad"), "--data", data);

        result.ExitCode.ShouldBe(1, result.Err);
        Directory.GetFiles(Path.Combine(data, "outbox"), "*.json").Length.ShouldBe(forms);
        result.Out.ShouldContain($" {forms} forms, 0 already imported, ");
        // Only the bad inputs fail, each with its reason; the expected JSON, the notes and garbage.bin are not
        // input kinds and are passed over.
        var failed = result.Err.Split('\n').Where(l => l.StartsWith("failed: ", StringComparison.Ordinal)).ToList();
        failed.ShouldAllBe(l => l.StartsWith("failed: bad/", StringComparison.Ordinal));
        failed.ShouldContain("failed: bad/empty.txt: the file is empty (0 bytes)");
        failed.ShouldContain(l => l.StartsWith("failed: bad/user-password.pdf: ", StringComparison.Ordinal) && l.Contains("password"));
        failed.ShouldNotContain(l => l.Contains("garbage.bin") || l.Contains("README.md"));
        result.Err.ShouldNotContain("   at ");

        var report = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(data, "state", "reports"), "import-*.json").Single()))!;
        report["forms"]!.GetValue<int>().ShouldBe(forms);
        report["failures"]!.GetValue<int>().ShouldBe(failed.Count);
        var lines = report["lines"]!.AsArray();
        lines.ShouldContain(l => l!["year"]!.GetValue<string>() == "2020" && l["kind"]!.GetValue<string>() == "Pdf" && l["forms"]!.GetValue<int>() > 0);
        lines.Sum(l => l!["checks"]!.GetValue<int>()).ShouldBeGreaterThan(0);
        // Import leaves the originals where they are; a failed file is copied into quarantine with its note.
        File.Exists(Path.Combine(year, "bad", "empty.txt")).ShouldBeTrue();
        File.Exists(Path.Combine(data, "quarantine", "bad", "empty.txt.error.json")).ShouldBeTrue();
    }

    [Fact]
    public void Importing_the_same_folder_twice_adds_nothing()
    {
        var (year, inputs, _) = ArchiveYear();
        var data = CliRun.TempFolder();
        CliRun.Run("import", Path.Combine(year, "seed"), Path.Combine(year, "variants"), "--data", data).ExitCode.ShouldBe(0);
        var first = Directory.GetFiles(Path.Combine(data, "outbox")).Order().ToList();

        var again = CliRun.Run("import", year, "--data", data);

        again.ExitCode.ShouldBe(1, again.Err);
        again.Out.ShouldContain($" 0 forms, {inputs} already imported, ");
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
        // No temporary file left; the one hidden file is the query cache's seal (FormStore), written as import ends.
        outputs.Where(f => Path.GetFileName(f) != ".query-cache.sha256").ShouldAllBe(f => !Path.GetFileName(f).StartsWith('.'));
        var status = CliRun.Run("status", "--data", data);
        status.Out.ShouldContain($"processed     {files} files ({files * 6} forms)");
    }

    [Fact]
    public void A_lost_ledger_is_rebuilt_from_the_outbox_so_the_same_originals_under_new_names_are_already_imported()
    {
        var year = CliRun.TempFolder();
        foreach (var file in new[] { "seed/000_3040adc6ab17b275.txt", "variants/variants.html", "bad/no-form.txt" })
            File.Copy(Path.Combine(CliRun.Fixtures, file), Path.Combine(year, Path.GetFileName(file)));
        var data = CliRun.TempFolder();
        CliRun.Run("import", year, "--data", data).ExitCode.ShouldBe(1);
        var outbox = Directory.GetFiles(Path.Combine(data, "outbox"), "*.json").Order().ToList();
        var quarantine = Directory.GetFiles(Path.Combine(data, "quarantine"), "*", SearchOption.AllDirectories);
        foreach (var ledger in Directory.GetFiles(Path.Combine(data, "state"), "ledger.db*")) File.Delete(ledger);
        var renamed = CliRun.TempFolder();
        foreach (var file in Directory.GetFiles(year)) File.Copy(file, Path.Combine(renamed, "归档-" + Path.GetFileName(file)));

        var again = CliRun.Run("import", renamed, "--data", data);

        again.ExitCode.ShouldBe(1, again.Err);
        again.Err.ShouldContain($"The ledger {Path.Combine(data, "state", "ledger.db")} was missing or empty: rebuilt from 10 documents");
        again.Out.ShouldContain(" 0 forms, 2 already imported, 1 failed");
        Directory.GetFiles(Path.Combine(data, "outbox"), "*.json").Order().ShouldBe(outbox);
        Directory.GetFiles(Path.Combine(data, "quarantine"), "*", SearchOption.AllDirectories).Length.ShouldBe(quarantine.Length);
        var status = CliRun.Run("status", "--data", data).Out;
        status.ShouldContain("processed     2 files (10 forms)");
        status.ShouldContain("duplicates    2");
    }

    [Fact]
    public void Importing_a_bad_file_again_under_its_name_or_another_keeps_one_quarantine_copy_with_a_renewed_note()
    {
        var inputs = CliRun.TempFolder();
        File.Copy(Path.Combine(CliRun.Fixtures, "bad", "other-form.txt"), Path.Combine(inputs, "other-form.txt"));
        var data = CliRun.TempFolder();
        var quarantine = Path.Combine(data, "quarantine");

        CliRun.Run("import", Path.Combine(inputs, "other-form.txt"), "--data", data).ExitCode.ShouldBe(1);
        CliRun.Run("import", Path.Combine(inputs, "other-form.txt"), "--data", data).ExitCode.ShouldBe(1);
        File.Copy(Path.Combine(inputs, "other-form.txt"), Path.Combine(inputs, "再次.txt"));
        var renamed = CliRun.Run("import", Path.Combine(inputs, "再次.txt"), "--data", data);

        renamed.Err.ShouldContain("the same content is already in");
        Directory.GetFiles(quarantine, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order()
            .ShouldBe(["other-form.txt", "other-form.txt.error.json"]);
        var note = JsonNode.Parse(File.ReadAllText(Path.Combine(quarantine, "other-form.txt.error.json")))!;
        note["file"]!.GetValue<string>().ShouldBe("再次.txt");
        note["attempts"]!.GetValue<int>().ShouldBe(3);
    }
}

/// <summary>import walks only the folders it is given: no link is followed, no loop walked, nothing outside copied.</summary>
public class ImportConfinementTests
{
    [Fact]
    public void Import_follows_no_link_in_a_walked_folder_and_copies_nothing_from_outside_into_quarantine()
    {
        var year = CliRun.TempFolder();
        var outside = CliRun.TempFolder();
        File.WriteAllText(Path.Combine(outside, "shadow"), "root:secret");
        File.Copy(Path.Combine(CliRun.Fixtures, "seed", "000_3040adc6ab17b275.txt"), Path.Combine(outside, "form.txt"));
        File.Copy(Path.Combine(CliRun.Fixtures, "variants", "variants.txt"), Path.Combine(year, "variants.txt"));
        Directory.CreateSymbolicLink(Path.Combine(year, "loop"), ".");
        Directory.CreateSymbolicLink(Path.Combine(year, "outside"), outside);
        File.CreateSymbolicLink(Path.Combine(year, "shadow.txt"), Path.Combine(outside, "shadow"));
        var data = CliRun.TempFolder();

        var result = CliRun.Run("import", year, "--data", data);

        result.ExitCode.ShouldBe(1, result.Err);
        result.Out.ShouldContain("3 failed");
        result.Err.ShouldContain("a link, not a file");
        Directory.GetFiles(Path.Combine(data, "outbox"), "*.json").Length.ShouldBe(4);
        var quarantine = Path.Combine(data, "quarantine");
        (Directory.Exists(quarantine) ? Directory.GetFiles(quarantine, "*", SearchOption.AllDirectories) : []).ShouldBeEmpty();
        File.ReadAllText(Path.Combine(outside, "shadow")).ShouldBe("root:secret");
    }
}
