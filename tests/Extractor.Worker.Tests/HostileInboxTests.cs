using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Extractor.Files;
using Extractor.Tests.Shared;

namespace Extractor.Worker.Tests;

/// <summary>
/// The real worker on real folders, with its real reader processes, against what an attacker or an unlucky operator
/// drops: every case ends in quarantine with a clear reason or in correct JSON, in bounded time, and nothing outside
/// the data folder is touched.
/// </summary>
public class HostileInboxTests
{
    private static byte[] Fixture(string path) => File.ReadAllBytes(Path.Combine(WorkerProcess.Fixtures, path));

    private static readonly byte[] Seed = Fixture("seed/000_3040adc6ab17b275.txt");

    private static void Run(string command, params string[] args)
    {
        using var process = Process.Start(command, args)!;
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{command} {string.Join(' ', args)}");
    }

    /// <summary>The reasons of the quarantine notes, by the name of the quarantined entry.</summary>
    private static Dictionary<string, string> Notes(WorkerProcess worker) =>
        worker.Files(worker.Quarantine, "*.error.json").ToDictionary(
            f => Path.GetRelativePath(worker.Quarantine, f)[..^".error.json".Length],
            f => JsonNode.Parse(File.ReadAllText(f))!["reason"]!.GetValue<string>());

    private static string OutsideFolder()
    {
        var outside = Directory.CreateTempSubdirectory("extractor-outside-").FullName;
        File.WriteAllText(Path.Combine(outside, "shadow"), "root:secret");
        File.WriteAllBytes(Path.Combine(outside, "form.txt"), Seed);
        return outside;
    }

    private static void ShouldBeUntouched(string outside)
    {
        File.ReadAllText(Path.Combine(outside, "shadow")).ShouldBe("root:secret");
        File.ReadAllBytes(Path.Combine(outside, "form.txt")).ShouldBe(Seed);
    }

    [Fact]
    public void Links_in_the_inbox_are_quarantined_as_links_and_nothing_behind_them_is_moved_read_or_copied()
    {
        var outside = OutsideFolder();
        using var worker = new WorkerProcess().Start();
        Directory.CreateSymbolicLink(Path.Combine(worker.Inbox, "everything"), "/");
        Directory.CreateSymbolicLink(Path.Combine(worker.Inbox, "outside"), outside);
        Directory.CreateDirectory(Path.Combine(worker.Inbox, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(worker.Inbox, "sub", "loop"), worker.Inbox);
        File.CreateSymbolicLink(Path.Combine(worker.Inbox, "shadow.txt"), Path.Combine(outside, "shadow"));
        File.CreateSymbolicLink(Path.Combine(worker.Inbox, "zero.txt"), "/dev/zero");
        worker.Drop("sub/real.txt", Seed);

        worker.WaitUntil(() => Notes(worker).Count == 5 && File.Exists(Path.Combine(worker.Archive, "sub/real.txt")), TimeSpan.FromSeconds(60), "five links quarantined and the real file archived");
        Notes(worker).Values.ShouldAllBe(reason => reason.Contains("a link, not a file"));
        new FileInfo(Path.Combine(worker.Quarantine, "shadow.txt")).LinkTarget.ShouldBe(Path.Combine(outside, "shadow"));
        worker.Files(worker.Quarantine).Where(f => new FileInfo(f).LinkTarget is null && !f.EndsWith(".error.json")).ShouldBeEmpty();
        worker.Files(worker.Outbox, "*.json").Length.ShouldBe(6);
        ShouldBeUntouched(outside);

        // A restart cleans the quarantine of dead writers' temporaries without entering its links.
        var deadWriters = Path.Combine(outside, $".note.json.4194305-{Guid.NewGuid():N}.tmp");
        File.WriteAllText(deadWriters, "not the worker's");
        worker.Stop().ShouldBe(0);
        using (var restarted = new WorkerProcess(worker.Root).Start()) restarted.Stop().ShouldBe(0);
        File.Exists(deadWriters).ShouldBeTrue("a temporary behind a quarantined link is not the worker's to remove");
        ShouldBeUntouched(outside);
        Directory.Delete(outside, true);
    }

    [Fact]
    public void Fifos_sockets_and_devices_in_the_inbox_are_quarantined_without_being_opened_and_never_block_the_readers()
    {
        using var worker = new WorkerProcess().Start();
        Run("mkfifo", Path.Combine(worker.Inbox, "pipe-1.txt"));
        Run("mkfifo", Path.Combine(worker.Inbox, "pipe-2.pdf"));
        Run("python3", "-c", $"import socket; socket.socket(socket.AF_UNIX).bind('{Path.Combine(worker.Inbox, "socket.txt")}')");
        Run("mknod", Path.Combine(worker.Inbox, "null.txt"), "c", "1", "3");
        worker.Drop("after.txt", Seed);

        worker.WaitUntil(() => File.Exists(Path.Combine(worker.Archive, "after.txt")) && Notes(worker).Count == 4, TimeSpan.FromSeconds(60), "the good file archived and four entries quarantined");
        var notes = Notes(worker);
        notes["pipe-1.txt"].ShouldContain("FIFO");
        notes["socket.txt"].ShouldContain("socket");
        notes["null.txt"].ShouldContain("device");
    }

    [Fact]
    public void More_files_left_in_work_than_the_queue_holds_are_all_read_at_the_next_start()
    {
        using var worker = new WorkerProcess(settings: "\"Readers\": { \"Isolation\": \"in-process\" }", worker: "\"RescanSeconds\": 1, \"ReadySeconds\": 0.2, \"MaxRetrySeconds\": 1, \"QueueCapacity\": 4");
        Directory.CreateDirectory(worker.Work);
        for (var i = 0; i < 30; i++) File.WriteAllBytes(Path.Combine(worker.Work, $"left-{i:00}.txt"), [.. Seed, .. Encoding.UTF8.GetBytes(new string('\n', i + 1))]);
        worker.Start();
        worker.WaitUntil(() => worker.Files(worker.Archive).Length == 30, TimeSpan.FromSeconds(120), "all 30 left-over files archived");
        worker.Files(worker.Outbox, "*.json").Length.ShouldBe(180);
        worker.Files(worker.Work).ShouldBeEmpty();
    }

    [Fact]
    public void Names_that_are_not_utf8_hold_control_characters_or_are_too_long_are_kept_under_safe_names_with_the_original_noted()
    {
        using var worker = new WorkerProcess().Start();
        var inbox = Encoding.UTF8.GetBytes(worker.Inbox + "/");
        var staging = Path.Combine(worker.Root, "staging");
        File.WriteAllBytes(staging, Seed);
        NativeFiles.Rename(RawName.Bytes(staging), [.. inbox, .. "bad"u8, 0xFF, 0xFE, .. ".txt"u8]);
        File.WriteAllText(staging, "no form here");
        NativeFiles.Rename(RawName.Bytes(staging), [.. inbox, .. "worse"u8, 0xC3, .. ".txt"u8]);
        worker.Drop("line\nbreak\u001b[2J.txt", Seed[..^1]);
        var longName = string.Concat(Enumerable.Repeat("项目支出绩效自评表", 8)) + ".txt"; // 220 bytes
        worker.Drop(longName, [.. Seed, (byte)'\n']);

        worker.WaitUntil(() => worker.Files(worker.Archive).Length == 3 && Notes(worker).Count == 1, TimeSpan.FromSeconds(60), "three archived and one quarantined");
        worker.Files(worker.Inbox).ShouldBeEmpty();
        worker.Files(worker.Outbox, "*.json").Length.ShouldBe(18);
        worker.Files(worker.Archive).Select(Path.GetFileName).ShouldAllBe(n => Encoding.UTF8.GetByteCount(n!) <= RawName.MaxBytes);
        var note = JsonNode.Parse(File.ReadAllText(worker.Files(worker.Quarantine, "*.error.json").Single()))!;
        note["originalName"]!.GetValue<string>().ShouldBe("worse\\xc3.txt");
        worker.Log.ShouldContain("bad\\xff\\xfe.txt");
        worker.Log.ShouldContain("line\\nbreak\\u001b[2J.txt");
        worker.Log.ShouldNotContain("\u001b[2J");
    }

    [Fact]
    public void A_file_over_the_size_limit_is_quarantined_with_the_reason_instead_of_retried_forever()
    {
        using var worker = new WorkerProcess().Start();
        var big = Path.Combine(worker.Root, "big.pdf");
        using (var stream = File.Create(big)) stream.SetLength(3L * 1024 * 1024 * 1024); // sparse: takes no disk
        File.Move(big, Path.Combine(worker.Inbox, "big.pdf"));
        worker.WaitUntil(() => Notes(worker).Count == 1, TimeSpan.FromSeconds(60), "the big file quarantined");
        Notes(worker)["big.pdf"].ShouldContain("MaxFileBytes");
    }

    [Fact]
    public void Files_wait_while_the_archive_is_unwritable_and_are_archived_once_it_is_back_without_a_restart()
    {
        using var worker = new WorkerProcess().Start();
        var away = worker.Archive + ".away";
        Directory.Move(worker.Archive, away);
        File.WriteAllText(worker.Archive, "not a folder");
        worker.Drop("等待.txt", Seed);
        worker.WaitUntil(() => worker.Log.Contains("trying again"), TimeSpan.FromSeconds(30), "a retry for the unwritable archive");
        Thread.Sleep(1500);
        worker.Files(worker.Quarantine).ShouldBeEmpty();

        File.Delete(worker.Archive);
        Directory.Move(away, worker.Archive);
        worker.WaitUntil(() => File.Exists(Path.Combine(worker.Archive, "等待.txt")), TimeSpan.FromSeconds(60), "the file to be archived");
        worker.Files(worker.Outbox, "*.json").Length.ShouldBe(6);
        worker.Files(worker.Quarantine).ShouldBeEmpty();
    }

    [Fact]
    public void A_full_disk_under_the_ledger_is_waited_out_and_the_worker_goes_on_once_there_is_room()
    {
        var worker = new WorkerProcess();
        Directory.CreateDirectory(worker.State);
        Run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", worker.State);
        try
        {
            worker.Start();
            worker.Drop("first.txt", Seed);
            worker.WaitUntil(() => File.Exists(Path.Combine(worker.Archive, "first.txt")), TimeSpan.FromSeconds(60), "the first file");
            var filler = Path.Combine(worker.State, "filler");
            try
            {
                using (var fill = File.Create(filler)) fill.Write(new byte[4 * 1024 * 1024]);
            }
            catch (IOException)
            {
                // Full: what the test wants.
            }
            worker.Drop("second.txt", [.. Seed, (byte)'\n']);
            worker.WaitUntil(() => worker.Log.Contains("trying again"), TimeSpan.FromSeconds(60), "the ledger's full disk to be reported");
            worker.Log.ShouldContain("full");
            File.Delete(filler);
            worker.WaitUntil(() => File.Exists(Path.Combine(worker.Archive, "second.txt")), TimeSpan.FromSeconds(60), "the second file once the disk has room");
            worker.Files(worker.Outbox, "*.json").Length.ShouldBe(12);
            worker.Files(worker.Quarantine).ShouldBeEmpty();
        }
        finally
        {
            worker.Dispose();
            Run("umount", "-l", worker.State);
        }
    }

    [Fact]
    public void Small_hostile_files_each_end_in_quarantine_with_a_clear_reason_in_bounded_time_and_memory()
    {
        using var worker = new WorkerProcess(settings: "\"Limits\": { \"MaxTextBytes\": 33554432 }").Start();
        var clock = Stopwatch.StartNew();
        worker.Drop("flate-bomb.pdf", HostileFiles.FlateBomb(1024L * 1024 * 1024));
        worker.Drop("image-bomb.pdf", HostileFiles.ImageBomb(8000, 8000));
        worker.Drop("blank-pages.pdf", HostileFiles.BlankPages(10_000));
        worker.Drop("nested.html", HostileFiles.NestedDivs(100_000));
        worker.Drop("one-line.txt", HostileFiles.OneLine(100_000_000));
        worker.Drop("big.html", HostileFiles.NestedDivs(8_000_000));
        worker.Drop("good.txt", Seed);

        worker.WaitUntil(() => Notes(worker).Count == 6 && File.Exists(Path.Combine(worker.Archive, "good.txt")), TimeSpan.FromSeconds(120), "six refusals and the good file");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90));
        var notes = Notes(worker);
        notes["flate-bomb.pdf"].ShouldContain("decompression bomb");
        notes["image-bomb.pdf"].ShouldContain("MaxPixels");
        notes["blank-pages.pdf"].ShouldContain("MaxPages");
        notes["nested.html"].ShouldContain("MaxHtmlDepth");
        notes["one-line.txt"].ShouldContain("MaxTextBytes");
        notes["big.html"].ShouldContain("MaxTextBytes");
        worker.PeakMemoryBytes.ShouldBeLessThan(1024L * 1024 * 1024);
    }

    [Fact]
    public void A_file_that_outlasts_its_readers_time_limit_is_stopped_and_quarantined_after_its_attempts()
    {
        using var worker = new WorkerProcess(settings: "\"Readers\": { \"TimeoutSeconds\": 5, \"Attempts\": 2 }").Start();
        worker.Drop("slow-scan.tif", Fixture("variants/variants.scan300-bw.tif"));
        worker.Drop("quick.txt", Seed);
        worker.WaitUntil(() => Notes(worker).Count == 1, TimeSpan.FromSeconds(90), "the slow scan quarantined");
        Notes(worker)["slow-scan.tif"].ShouldContain("stopped its reader 2 times");
        Notes(worker)["slow-scan.tif"].ShouldContain("TimeoutSeconds");
        worker.WaitUntil(() => File.Exists(Path.Combine(worker.Archive, "quick.txt")), TimeSpan.FromSeconds(30), "the quick file");
    }

    [Fact]
    public void A_reader_over_its_memory_limit_is_killed_and_the_file_quarantined_while_the_worker_goes_on()
    {
        using var worker = new WorkerProcess(settings: "\"Readers\": { \"MemoryLimitMegabytes\": 160, \"Attempts\": 1 }").Start();
        worker.Drop("scan.tif", Fixture("variants/variants.scan300-bw.tif"));
        worker.WaitUntil(() => Notes(worker).Count == 1, TimeSpan.FromSeconds(90), "the scan quarantined");
        Notes(worker)["scan.tif"].ShouldContain("MemoryLimitMegabytes");
        worker.Drop("after.txt", Seed);
        worker.WaitUntil(() => File.Exists(Path.Combine(worker.Archive, "after.txt")), TimeSpan.FromSeconds(30), "a file read by a fresh reader");
    }

    [Fact]
    public void A_file_that_keeps_killing_the_whole_worker_is_quarantined_at_the_start_after_its_attempts()
    {
        const string inProcess = "\"Readers\": { \"Isolation\": \"in-process\", \"Attempts\": 2 }";
        using var first = new WorkerProcess(settings: inProcess).Start();
        first.Drop("killer.tif", Fixture("variants/variants.scan300-bw.tif"));
        first.WaitUntil(() => first.Files(first.Work).Length == 1, TimeSpan.FromSeconds(30), "the scan taken");
        Thread.Sleep(1000);
        first.KillWorkerOnly();
        using var second = new WorkerProcess(first.Root, inProcess).Start();
        Thread.Sleep(1500);
        second.KillWorkerOnly();
        using var third = new WorkerProcess(first.Root, inProcess).Start();
        third.WaitUntil(() => Notes(third).Count == 1, TimeSpan.FromSeconds(30), "the scan quarantined at the third start");
        Notes(third)["killer.tif"].ShouldContain("stopped its reader 2 times");
        Notes(third)["killer.tif"].ShouldContain("the worker itself ended");
    }
}
