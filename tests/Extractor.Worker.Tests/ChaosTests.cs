using System.Text;
using System.Text.Json.Nodes;
using Extractor.Files;
using Extractor.Tests.Shared;

namespace Extractor.Worker.Tests;

/// <summary>
/// Hundreds of mixed files, hostile ones among them, dropped in bursts while the worker is killed again and again at
/// random moments (the default queue capacity, so a crash may leave more files in work/ than the queue holds): in the
/// end every input is accounted for, no form's JSON is missing or doubled, and no temporary file is left.
/// </summary>
public class ChaosTests
{
    [Fact]
    public void Two_hundred_mixed_files_and_twenty_kills_at_random_moments_leave_every_input_accounted_for()
    {
        var random = new Random(20261201);
        var root = Directory.CreateTempSubdirectory("extractor-chaos-").FullName;
        var settings = "\"Readers\": { \"TimeoutSeconds\": 60 }";
        const string timings = "\"RescanSeconds\": 1, \"ReadySeconds\": 0.2, \"MaxRetrySeconds\": 1";
        var drops = Drops(random, out var expectedForms);
        drops.Count.ShouldBeGreaterThanOrEqualTo(200);

        var next = 0;
        for (var kill = 0; kill < 20; kill++)
        {
            using var worker = new WorkerProcess(root, settings, timings).Start();
            for (var burst = next + random.Next(5, 20); next < Math.Min(burst, drops.Count); next++) drops[next](worker);
            Thread.Sleep(random.Next(200, 1500));
            if (random.Next(2) == 0) worker.KillWorkerOnly(); else worker.Kill();
        }

        using var last = new WorkerProcess(root, settings, timings).Start();
        for (; next < drops.Count; next++) drops[next](last);
        last.WaitUntil(() => Originals(last) == drops.Count, TimeSpan.FromMinutes(4), "every input archived or quarantined");
        last.Stop().ShouldBe(0);

        last.Files(last.Inbox).ShouldBeEmpty();
        last.Files(last.Work).ShouldBeEmpty();
        last.Files(last.Outbox, "*.tmp").ShouldBeEmpty();
        last.Files(last.Quarantine, "*.tmp").ShouldBeEmpty("a note a killed worker was writing is removed on restart");
        var forms = last.Files(last.Outbox, "*.json").Select(f => JsonNode.Parse(File.ReadAllText(f))!["source"]!)
            .Select(s => $"{s["sha256"]}#{s["formIndex"]}").ToList();
        forms.Count.ShouldBe(expectedForms);
        forms.Distinct().Count().ShouldBe(forms.Count);
    }

    /// <summary>Originals the worker is done with: archived, or quarantined beside their note.</summary>
    private static int Originals(WorkerProcess worker) =>
        worker.Files(worker.Archive).Length
        + worker.Files(worker.Quarantine).Count(f => !f.EndsWith(".error.json", StringComparison.Ordinal) && !f.EndsWith(".tmp", StringComparison.Ordinal));

    /// <summary>The drops in order: good files of every fixture kind (each its own content), duplicates, bad and hostile files.</summary>
    private static List<Action<WorkerProcess>> Drops(Random random, out int expectedForms)
    {
        var drops = new List<Action<WorkerProcess>>();
        var forms = 0;
        for (var i = 0; i < 175; i++)
        {
            var (path, count) = InboxWorkerTests.Sources[i % InboxWorkerTests.Sources.Length];
            var content = InboxWorkerTests.Variant(path, i + 1);
            var name = $"{(i % 5 == 0 ? "子目录/" : "")}混合 {i}{Path.GetExtension(path)}";
            drops.Add(w => w.Drop(name, content));
            forms += count;
        }
        for (var i = 0; i < 10; i++)
        {
            var content = InboxWorkerTests.Variant(InboxWorkerTests.Sources[0].Path, 1);
            var name = $"重复 {i}.txt";
            drops.Add(w => w.Drop(name, content));
        }
        foreach (var bad in InboxWorkerTests.BadFiles)
        {
            var content = InboxWorkerTests.Fixture($"bad/{bad}");
            drops.Add(w => w.Drop($"坏/{bad}", content));
        }
        drops.Add(w => File.CreateSymbolicLink(Path.Combine(w.Inbox, "etc-link.txt"), "/etc/hostname"));
        drops.Add(w => Directory.CreateSymbolicLink(Path.Combine(w.Inbox, "root-link"), "/"));
        drops.Add(w => System.Diagnostics.Process.Start("mkfifo", Path.Combine(w.Inbox, "pipe.txt"))!.WaitForExit());
        drops.Add(w => w.Drop("bomb.pdf", HostileFiles.FlateBomb(300L * 1024 * 1024)));
        drops.Add(w => w.Drop("pages.pdf", HostileFiles.BlankPages(1200)));
        drops.Add(w => w.Drop("deep.html", HostileFiles.NestedDivs(50_000)));
        drops.Add(w => w.Drop("line.txt", HostileFiles.OneLine(2_000_000)));
        drops.Add(w =>
        {
            var staging = Path.Combine(w.Root, "staging-name");
            File.WriteAllBytes(staging, InboxWorkerTests.Variant(InboxWorkerTests.Sources[2].Path, 999));
            NativeFiles.Rename(RawName.Bytes(staging), [.. Encoding.UTF8.GetBytes(w.Inbox + "/名"), 0xFF, .. ".txt"u8]);
        });
        forms += InboxWorkerTests.Sources[2].Forms;
        expectedForms = forms;
        // Shuffled, so kills land between every kind of step.
        return drops.OrderBy(_ => random.Next()).ToList();
    }
}
