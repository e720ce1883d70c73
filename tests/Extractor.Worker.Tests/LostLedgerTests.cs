namespace Extractor.Worker.Tests;

/// <summary>The real worker restarted on a data folder whose ledger was deleted while it was stopped.</summary>
public class LostLedgerTests
{
    [Fact]
    public void An_archived_original_dropped_again_under_a_new_name_after_the_ledger_was_lost_is_a_duplicate()
    {
        var seed = File.ReadAllBytes(Path.Combine(WorkerProcess.Fixtures, "seed", "000_3040adc6ab17b275.txt"));
        using (var first = new WorkerProcess().Start())
        {
            first.Drop("自评表.txt", seed);
            first.WaitUntil(() => File.Exists(Path.Combine(first.Archive, "自评表.txt")), TimeSpan.FromSeconds(60), "the first drop archived");
            first.Stop();
            foreach (var ledger in first.Files(Path.Combine(first.Data, "state"), "ledger.db*")) File.Delete(ledger);

            using var restarted = new WorkerProcess(first.Root).Start();
            restarted.Log.ShouldContain("was missing or empty: rebuilt from 6 documents");
            restarted.Drop("新名字.txt", seed);
            // The log line follows the move into the archive: wait for both.
            restarted.WaitUntil(() => File.Exists(Path.Combine(restarted.Archive, "新名字.txt")) && restarted.Log.Contains("新名字.txt: duplicate of content already processed"),
                TimeSpan.FromSeconds(60), "the second drop archived as a duplicate");
            restarted.Files(restarted.Outbox, "*.json").Length.ShouldBe(6);
        }
    }
}
