using System.Text;

namespace Extractor.Worker.Tests;

/// <summary>The real worker on real folders: every input ends archived with its JSON or quarantined with its reason.</summary>
public class InboxWorkerTests
{
    internal static byte[] Fixture(string path) => File.ReadAllBytes(Path.Combine(WorkerProcess.Fixtures, path));

    /// <summary>The same forms with other bytes: a trailing blank line (text) or comment (HTML, PDF) makes a new content.</summary>
    internal static byte[] Variant(string path, int n)
    {
        var bytes = Fixture(path);
        var suffix = Path.GetExtension(path) switch
        {
            ".html" => $"<!-- copy {n} -->",
            ".pdf" => $"\n% copy {n}\n",
            _ => new string('\n', n),
        };
        return bytes.Concat(Encoding.UTF8.GetBytes(suffix)).ToArray();
    }

    internal static readonly (string Path, int Forms)[] Sources =
    [
        ("seed/000_3040adc6ab17b275.txt", 6), ("seed/seed.html", 6), ("variants/variants.txt", 4),
        ("variants/variants.html", 4), ("cut-off/cut-off.txt", 1), ("seed/seed.chromium.pdf", 6),
        ("variants/variants.owner-encrypted.pdf", 4), ("seed/seed.libreoffice.pdf", 6),
    ];

    /// <summary>Scans take seconds a page to read: one of each kind (image-only PDF, multi-page TIFF) is enough here.</summary>
    private static readonly (string Path, int Forms)[] Scans = [("seed/seed.scan300.pdf", 6), ("variants/variants.scan300-bw.tif", 4)];

    internal static readonly string[] BadFiles =
        ["empty.txt", "garbage.bin", "no-form.txt", "bad-utf8.txt", "other-form.txt", "corrupt.pdf", "truncated.pdf", "user-password.pdf", "zero-pages.pdf"];

    [Fact]
    public void Fifty_mixed_files_dropped_at_once_all_end_archived_with_their_json_or_quarantined()
    {
        using var worker = new WorkerProcess().Start();
        var expectedForms = 0;
        var dropped = 0;
        foreach (var (scan, forms) in Scans)
        {
            worker.Drop($"扫描件/{Path.GetFileName(scan)}", Fixture(scan));
            expectedForms += forms;
            dropped++;
        }
        for (var i = 0; i < 50 - 5 - BadFiles.Length - Scans.Length; i++)
        {
            var (path, forms) = Sources[i % Sources.Length];
            var folder = i % 4 == 0 ? "2020年 归档/" : "";
            worker.Drop($"{folder}自评表 第{i}份{Path.GetExtension(path)}", Variant(path, i + 1));
            expectedForms += forms;
            dropped++;
        }
        for (var i = 0; i < 5; i++, dropped++)
            worker.Drop($"重复 {i}.txt", Variant(Sources[0].Path, 1)); // same content as 自评表 第0份
        foreach (var bad in BadFiles)
        {
            worker.Drop($"坏文件/{bad}", Fixture($"bad/{bad}"));
            dropped++;
        }

        worker.WaitUntil(() => worker.Files(worker.Archive).Length + worker.Files(worker.Quarantine).Length - worker.Files(worker.Quarantine, "*.error.json").Length == dropped,
            TimeSpan.FromMinutes(8), "every file to be archived or quarantined");

        worker.Files(worker.Outbox, "*.json").Length.ShouldBe(expectedForms);
        dropped.ShouldBe(50);
        worker.Files(worker.Quarantine, "*.error.json").Length.ShouldBe(BadFiles.Length);
        worker.Files(worker.Inbox).ShouldBeEmpty();
        worker.Files(worker.Work).ShouldBeEmpty();
        File.Exists(Path.Combine(worker.Archive, "2020年 归档", "自评表 第0份.txt")).ShouldBeTrue();
        var note = File.ReadAllText(Path.Combine(worker.Quarantine, "坏文件", "garbage.bin.error.json"));
        note.ShouldContain("\"reason\"");
        note.ShouldContain("binary");
        File.ReadAllText(Path.Combine(worker.Quarantine, "坏文件", "user-password.pdf.error.json")).ShouldContain("password");
    }

    [Fact]
    public void Office_files_are_read_and_hostile_office_files_quarantined_with_their_reasons()
    {
        using var worker = new WorkerProcess().Start();
        (string Path, int Forms)[] good = [("seed/seed.xlsx", 6), ("variants/variants.xls", 4), ("seed/seed.docx", 6)];
        string[] bad = ["bomb.xlsx", "rows-100000.xlsx", "truncated.xlsx", "corrupt.xls", "password.xlsx", "no-form.xlsx", "word97.doc"];
        foreach (var (path, _) in good) worker.Drop($"附件1：{Path.GetFileName(path)}", Fixture(path));
        foreach (var file in bad) worker.Drop($"坏文件/{file}", Fixture($"bad/{file}"));

        worker.WaitUntil(() => worker.Files(worker.Archive).Length + worker.Files(worker.Quarantine, "*.error.json").Length == good.Length + bad.Length,
            TimeSpan.FromMinutes(3), "every office file to be archived or quarantined");
        worker.Files(worker.Outbox, "*.json").Length.ShouldBe(good.Sum(g => g.Forms));
        File.ReadAllText(Path.Combine(worker.Quarantine, "坏文件", "bomb.xlsx.error.json")).ShouldContain("MaxInflatedBytes");
        File.ReadAllText(Path.Combine(worker.Quarantine, "坏文件", "rows-100000.xlsx.error.json")).ShouldContain("MaxSheetRows");
        File.ReadAllText(Path.Combine(worker.Quarantine, "坏文件", "password.xlsx.error.json")).ShouldContain("password-protected");
        File.ReadAllText(Path.Combine(worker.Quarantine, "坏文件", "word97.doc.error.json")).ShouldContain("save it as .docx");
        worker.Stop().ShouldBe(0);
    }

    [Fact]
    public void A_file_written_slowly_in_chunks_is_read_once_and_complete()
    {
        using var worker = new WorkerProcess().Start();
        var content = Fixture(Sources[0].Path);
        var target = Path.Combine(worker.Inbox, "slow copy.txt");
        using (var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
        {
            var chunk = content.Length / 10 + 1;
            for (var offset = 0; offset < content.Length; offset += chunk)
            {
                stream.Write(content, offset, Math.Min(chunk, content.Length - offset));
                stream.Flush();
                Thread.Sleep(350);
            }
        }
        worker.WaitUntil(() => File.Exists(Path.Combine(worker.Archive, "slow copy.txt")), TimeSpan.FromSeconds(60), "the slow file to be archived");
        worker.Files(worker.Outbox, "*.json").Length.ShouldBe(6);
        worker.Files(worker.Quarantine).ShouldBeEmpty();
        File.ReadAllBytes(Path.Combine(worker.Archive, "slow copy.txt")).ShouldBe(content);
    }

    [Fact]
    public void Bad_files_are_quarantined_with_reasons_and_the_worker_keeps_running()
    {
        using var worker = new WorkerProcess().Start();
        worker.Drop("empty.txt", []);
        worker.Drop("corrupt.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj broken"));
        worker.WaitUntil(() => worker.Files(worker.Quarantine, "*.error.json").Length == 2, TimeSpan.FromSeconds(60), "two quarantined files");
        worker.Drop("good.txt", Fixture(Sources[0].Path));
        worker.WaitUntil(() => worker.Files(worker.Outbox, "*.json").Length == 6, TimeSpan.FromSeconds(60), "the good file's forms");
        File.ReadAllText(Path.Combine(worker.Quarantine, "empty.txt.error.json")).ShouldContain("empty");
        worker.Stop().ShouldBe(0);
    }

    [Fact]
    public void A_worker_killed_mid_batch_and_restarted_leaves_no_input_unaccounted_and_no_json_twice()
    {
        var first = new WorkerProcess().Start();
        var expectedForms = 0;
        for (var i = 0; i < 30; i++)
        {
            var (path, forms) = Sources[i % Sources.Length];
            first.Drop($"批次 {i}{Path.GetExtension(path)}", Variant(path, i + 1));
            expectedForms += forms;
        }
        first.WaitUntil(() => first.Files(first.Archive).Length >= 3, TimeSpan.FromSeconds(60), "a few files to be done");
        first.Kill();
        first.Files(first.Archive).Length.ShouldBeLessThan(30, "the kill should land mid-batch");

        using var second = new WorkerProcess(first.Root).Start();
        second.WaitUntil(() => second.Files(second.Archive).Length == 30, TimeSpan.FromMinutes(2), "every file archived after the restart");
        second.Files(second.Outbox, "*.json").Length.ShouldBe(expectedForms);
        second.Files(second.Outbox, ".*").ShouldBeEmpty();
        second.Files(second.Quarantine).ShouldBeEmpty();
        second.Files(second.Work).ShouldBeEmpty();
        first.Dispose();
    }

    [Fact]
    public void Files_wait_while_the_outbox_is_unwritable_and_succeed_once_it_is_back()
    {
        using var worker = new WorkerProcess().Start();
        var away = worker.Outbox + ".away";
        Directory.Move(worker.Outbox, away);
        File.WriteAllText(worker.Outbox, "not a folder");

        worker.Drop("等待.txt", Fixture(Sources[0].Path));
        worker.WaitUntil(() => worker.Log.Contains("will retry"), TimeSpan.FromSeconds(30), "a retry for the unwritable outbox");
        Thread.Sleep(1500);
        worker.Files(worker.Quarantine).ShouldBeEmpty();
        File.Exists(Path.Combine(worker.Work, "等待.txt")).ShouldBeTrue();

        File.Delete(worker.Outbox);
        Directory.Move(away, worker.Outbox);
        worker.WaitUntil(() => File.Exists(Path.Combine(worker.Archive, "等待.txt")), TimeSpan.FromSeconds(60), "the file to succeed");
        worker.Files(worker.Outbox, "*.json").Length.ShouldBe(6);
        worker.Files(worker.Quarantine).ShouldBeEmpty();
    }

    [Fact]
    public void A_second_drop_of_the_same_content_is_archived_as_a_duplicate_without_new_json()
    {
        using var worker = new WorkerProcess().Start();
        worker.Drop("一.txt", Fixture(Sources[0].Path));
        worker.WaitUntil(() => File.Exists(Path.Combine(worker.Archive, "一.txt")), TimeSpan.FromSeconds(60), "the first drop");
        worker.Drop("二.txt", Fixture(Sources[0].Path));
        worker.Drop("一.txt", Variant(Sources[0].Path, 3)); // same name, new content: a new version
        worker.WaitUntil(() => worker.Files(worker.Archive).Length == 3, TimeSpan.FromSeconds(60), "both later drops archived");
        worker.Files(worker.Outbox, "*.json").Length.ShouldBe(12);
        // The log line may reach the captured output a moment after the file reaches the archive.
        worker.WaitUntil(() => worker.Log.Contains("duplicate", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(10), "the duplicate logged");
    }
}
