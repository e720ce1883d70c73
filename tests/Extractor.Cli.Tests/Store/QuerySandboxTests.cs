using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;

namespace Extractor.Cli.Tests.Store;

[Collection("imported store")]
public class QuerySandboxTests(ImportedStore store)
{
    public static TheoryData<string> WaysOut => new()
    {
        "SELECT * FROM read_csv('/etc/shadow')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM glob('/root/**')",
        "COPY (SELECT * FROM forms) TO '{outside}/forms.csv'",
        "COPY (SELECT 1 AS x) TO '{data}/outbox/planted.json' (FORMAT json)",
        "ATTACH '{outside}/new.duckdb' AS planted",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SELECT * FROM read_csv('https://example.com/data.csv')",
        "SET enable_external_access = true",
        "EXPORT DATABASE '{outside}/copy'",
        "COPY documents FROM '/etc/hostname'",
    };

    [Theory]
    [MemberData(nameof(WaysOut))]
    public void Each_way_out_of_the_views_is_refused_with_a_clear_message_and_touches_nothing(string sql)
    {
        var outside = CliRun.TempFolder();
        var outbox = Directory.GetFiles(Path.Combine(store.Data, "outbox")).Order().ToList();

        var result = store.Run("query", sql.Replace("{outside}", outside).Replace("{data}", store.Data));

        result.ExitCode.ShouldBe(2);
        result.Err.ShouldContain("refused: a query reads the store's views only");
        result.Err.ShouldNotContain("   at ");
        result.Out.ShouldBeEmpty();
        Directory.EnumerateFileSystemEntries(outside).ShouldBeEmpty();
        Directory.GetFiles(Path.Combine(store.Data, "outbox")).Order().ShouldBe(outbox);
    }

    [Fact]
    public void The_two_COPY_statements_that_forged_the_cache_are_refused_and_every_later_answer_is_the_JSONs()
    {
        var data = SmallStore(out var truth);
        Sum(data).ShouldBe(truth);
        var cache = Directory.GetFiles(Path.Combine(data, "state", "query"), "*.parquet").Single();
        var sealedBytes = File.ReadAllBytes(cache);
        var forged = Path.Combine(CliRun.TempFolder(), "forged.parquet");

        var first = CliRun.Run("query", $"COPY (SELECT * REPLACE (100 AS totalScore) FROM documents) TO '{forged}' (FORMAT parquet)", "--data", data);
        var second = CliRun.Run("query", $"COPY (SELECT * FROM read_parquet('{forged}')) TO '{cache}' (FORMAT parquet)", "--data", data);

        first.ExitCode.ShouldBe(2);
        second.ExitCode.ShouldBe(2);
        second.Err.ShouldContain("refused");
        File.Exists(forged).ShouldBeFalse();
        File.ReadAllBytes(cache).ShouldBe(sealedBytes);
        Sum(data).ShouldBe(truth);

        // What a query changes in memory dies with it.
        var inMemory = CliRun.Run("query", "UPDATE documents SET totalScore = 100; CREATE OR REPLACE VIEW forms AS SELECT 100 AS total_score; SELECT sum(total_score) FROM forms", "--data", data, "-f", "csv");
        inMemory.Out.Split("\r\n")[1].ShouldBe("100");
        Sum(data).ShouldBe(truth);
        File.ReadAllBytes(cache).ShouldBe(sealedBytes);
    }

    [Fact]
    public void A_cache_changed_outside_extractor_never_reaches_a_query_result()
    {
        var data = SmallStore(out var truth);
        Sum(data).ShouldBe(truth);
        var folder = Path.Combine(data, "state", "query");
        var cache = Directory.GetFiles(folder, "*.parquet").Single();

        // Rewritten in place with every score at 100, as the old two-COPY attack did.
        Forge(cache, cache);
        var afterRewrite = CliRun.Run("query", "SELECT sum(total_score) FROM forms", "--data", data, "-f", "csv");
        afterRewrite.Out.Split("\r\n")[1].ShouldBe(truth);
        afterRewrite.Err.ShouldContain("the query cache is not the one");
        Sum(data).ShouldBe(truth, "the next open seals a cache of its own and trusts it again");
        CliRun.Run("query", "SELECT 1", "--data", data).Err.ShouldNotContain("WRN");

        // A forged file named after its own digest, as one who can write state/ but not the outbox could make it.
        var genuine = Directory.GetFiles(folder, "*.parquet").Single();
        var planted = Path.Combine(folder, "planted.parquet");
        Forge(genuine, planted);
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(planted)));
        var shape = Path.GetFileName(genuine).Split('-')[1];
        File.Move(planted, Path.Combine(folder, $"documents-{shape}-{digest}.parquet"));
        File.SetLastWriteTimeUtc(genuine, DateTime.UtcNow.AddDays(-1));
        Sum(data).ShouldBe(truth);
    }

    [Fact]
    public void A_runaway_query_is_stopped_at_its_timeout_with_exit_code_2()
    {
        var clock = Stopwatch.StartNew();
        var result = store.Run("query", "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r", "--timeout", "1.5");

        result.ExitCode.ShouldBe(2);
        result.Err.ShouldContain("the query was stopped after 1.5 s, its time limit (--timeout)");
        result.Out.ShouldBeEmpty();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_timeout_that_is_no_positive_number_is_bad_usage_for_query_and_audit()
    {
        store.Run("query", "SELECT 1", "--timeout", "0").Err.ShouldContain("--timeout must be a number of seconds above 0");
        var audit = store.Run("audit", "low-scores", "--timeout", "-5");
        audit.ExitCode.ShouldBe(2);
        audit.Err.ShouldContain("--timeout");
        store.Run("audit", "low-scores", "--timeout", "30").ExitCode.ShouldBe(0);
    }

    /// <summary>A data folder holding four of the imported store's documents; <paramref name="truth"/> their summed score.</summary>
    private string SmallStore(out string truth)
    {
        var data = CliRun.TempFolder();
        var outbox = Directory.CreateDirectory(Path.Combine(data, "outbox")).FullName;
        var documents = Directory.GetFiles(Path.Combine(store.Data, "outbox"), "*.json").Order().Take(4).ToList();
        foreach (var file in documents) File.Copy(file, Path.Combine(outbox, Path.GetFileName(file)));
        truth = documents.Sum(f => ImportedStore.Number(JsonNode.Parse(File.ReadAllText(f))!["totalScore"])).ToString(CultureInfo.InvariantCulture);
        return data;
    }

    private static string Sum(string data) =>
        CliRun.Run("query", "SELECT sum(total_score) FROM forms", "--data", data, "-f", "csv").Out.Split("\r\n")[1];

    /// <summary>Writes <paramref name="cache"/>'s rows with every total score at 100 to <paramref name="target"/>.</summary>
    private static void Forge(string cache, string target)
    {
        var forged = target + ".new";
        using (var duck = new DuckDBConnection("DataSource=:memory:"))
        {
            duck.Open();
            using var command = duck.CreateCommand();
            command.CommandText = $"COPY (SELECT * REPLACE (100 AS totalScore) FROM read_parquet('{cache}')) TO '{forged}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        File.Move(forged, target, overwrite: true);
    }
}
