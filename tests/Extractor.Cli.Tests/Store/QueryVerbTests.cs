using System.Globalization;
using System.Text.Json.Nodes;

namespace Extractor.Cli.Tests.Store;

[Collection("imported store")]
public class QueryVerbTests(ImportedStore store)
{
    [Fact]
    public void The_views_hold_every_form_of_every_imported_input_once()
    {
        var counts = store.Csv("""
            SELECT (SELECT count(*) FROM forms), (SELECT count(DISTINCT source_sha256) FROM forms),
                   (SELECT count(*) FROM indicators), (SELECT count(*) FROM funds), (SELECT count(*) FROM checks)
            """).Single();

        var forms = store.AllForms.ToList();
        counts[0].ShouldBe((6 * 4 + 4 * 2).ToString(CultureInfo.InvariantCulture));
        counts[0].ShouldBe(forms.Count.ToString(CultureInfo.InvariantCulture));
        counts[1].ShouldBe("6");
        counts[2].ShouldBe(forms.Sum(f => f["indicators"]!.AsArray().Count).ToString(CultureInfo.InvariantCulture));
        counts[3].ShouldBe((forms.Count * 4).ToString(CultureInfo.InvariantCulture));
        counts[4].ShouldBe(forms.Sum(f => f["checks"]!.AsArray().Count).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_known_project_has_the_score_amounts_and_rate_of_its_expected_document()
    {
        var expected = store.Seed[1];
        var rows = store.Csv($"""
            SELECT total_score, total_weight, annual_budget, executed, execution_rate_percent, funds_score, indicator_count, department, year
            FROM forms WHERE project_name = '{expected["projectName"]}'
            """);

        rows.Count.ShouldBe(ImportedStore.SeedInputs.Length);
        foreach (var row in rows)
        {
            ImportedStore.Parse(row[0]).ShouldBe(ImportedStore.Number(expected["totalScore"]));
            ImportedStore.Parse(row[1]).ShouldBe(ImportedStore.Number(expected["totalWeight"]));
            ImportedStore.Parse(row[2]).ShouldBe(ImportedStore.Number(expected["funds"]!["rows"]!["total"]!["annualBudget"]));
            ImportedStore.Parse(row[3]).ShouldBe(ImportedStore.Number(expected["funds"]!["rows"]!["total"]!["executed"]));
            ImportedStore.Parse(row[4]).ShouldBe(ImportedStore.Number(expected["funds"]!["executionRatePercent"]));
            ImportedStore.Parse(row[5]).ShouldBe(ImportedStore.Number(expected["funds"]!["score"]));
            row[6].ShouldBe(expected["indicators"]!.AsArray().Count.ToString(CultureInfo.InvariantCulture));
            row[7].ShouldBe((string)expected["department"]!);
            row[8].ShouldBe(expected["year"]!.ToJsonString());
        }
    }

    [Fact]
    public void The_average_score_per_year_is_that_of_the_expected_documents()
    {
        var rows = store.Csv("SELECT year, avg(total_score), count(*) FROM forms GROUP BY year ORDER BY year");

        var expected = store.AllForms.GroupBy(f => f["year"]!.GetValue<int>()).OrderBy(g => g.Key).ToList();
        rows.Select(r => r[0]).ShouldBe(expected.Select(g => g.Key.ToString(CultureInfo.InvariantCulture)));
        for (var i = 0; i < rows.Count; i++)
        {
            ImportedStore.Parse(rows[i][1]).ShouldBe(expected[i].Average(f => ImportedStore.Number(f["totalScore"])), 1e-9);
            rows[i][2].ShouldBe(expected[i].Count().ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Indicators_come_in_printed_order_with_their_forms_keys()
    {
        var expected = store.Variants[1];
        var rows = store.Csv($"""
            SELECT i.position, i.level1, i.name, i.weight, i.score, i.year, i.project_name
            FROM indicators i JOIN forms f USING (form_id)
            WHERE f.source_file = 'variants.html' AND f.form_index = 2 ORDER BY i.position
            """);

        var indicators = expected["indicators"]!.AsArray();
        rows.Count.ShouldBe(indicators.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i][0].ShouldBe((i + 1).ToString(CultureInfo.InvariantCulture));
            rows[i][1].ShouldBe((string?)indicators[i]!["level1"] ?? "");
            rows[i][2].ShouldBe((string)indicators[i]!["name"]!);
            ImportedStore.Parse(rows[i][3]).ShouldBe(ImportedStore.Number(indicators[i]!["weight"]));
            ImportedStore.Parse(rows[i][4]).ShouldBe(ImportedStore.Number(indicators[i]!["score"]));
            rows[i][5].ShouldBe(expected["year"]!.ToJsonString());
            rows[i][6].ShouldBe((string)expected["projectName"]!);
        }
    }

    [Fact]
    public void The_funds_view_has_the_four_lines_of_a_form_with_amounts_in_yuan()
    {
        var expected = store.Variants[0]["funds"]!["rows"]!;
        var rows = store.Csv("""
            SELECT line, initial_budget, annual_budget, executed FROM funds
            WHERE form_id = (SELECT form_id FROM forms WHERE source_file = 'variants.txt' AND form_index = 1)
            """);

        rows.Select(r => r[0]).ShouldBe(["total", "currentYearAppropriation", "priorYearCarryover", "other"]);
        string[] amounts = ["initialBudget", "annualBudget", "executed"];
        foreach (var row in rows)
            for (var k = 0; k < amounts.Length; k++)
            {
                if (expected[row[0]]![amounts[k]] is not { } value) row[k + 1].ShouldBeEmpty();
                else ImportedStore.Parse(row[k + 1]).ShouldBe(ImportedStore.Number(value));
            }
    }

    [Fact]
    public void A_bad_query_prints_DuckDBs_message_and_exits_with_two_without_a_stack_trace()
    {
        var result = store.Run("query", "SELECT total_scor FROM forms");

        result.ExitCode.ShouldBe(2);
        result.Err.ShouldContain("Binder Error");
        result.Err.ShouldContain("total_scor");
        result.Err.ShouldNotContain("   at ");
        result.Err.ShouldNotContain("Exception");
        result.Out.ShouldBeEmpty();
    }

    [Fact]
    public void The_table_is_aligned_and_csv_json_and_ndjson_carry_the_same_rows()
    {
        const string sql = "SELECT project_name, total_score, pages FROM forms WHERE source_file = 'variants.html' ORDER BY form_index";
        var names = store.Variants.Select(v => (string)v["projectName"]!).ToList();

        var table = store.Run("query", sql).Out.TrimEnd('\n').Split('\n');
        table[0].ShouldStartWith("project_name");
        table[1].ShouldMatch("^-+  -+  -+$");
        table.Skip(2).Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries)[0].Trim()).ShouldBe(names);

        var csv = store.Run("query", sql, "--format", "csv").Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv[0].ShouldBe("project_name,total_score,pages");
        csv.Skip(1).Select(l => l.Split(',')[0]).ShouldBe(names);

        var json = JsonNode.Parse(store.Run("query", sql, "--format", "json").Out)!.AsArray();
        json.Select(r => (string)r!["project_name"]!).ShouldBe(names);
        json.Select(r => r!["total_score"]!.GetValue<double>()).ShouldBe(store.Variants.Select(v => ImportedStore.Number(v["totalScore"])));
        json[0]!["pages"].ShouldBeNull();

        var ndjson = store.Run("query", sql, "--format", "ndjson").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        ndjson.Select(l => (string)JsonNode.Parse(l)!["project_name"]!).ShouldBe(names);
    }

    [Fact]
    public void Out_writes_the_rows_to_the_file_and_nothing_to_standard_output()
    {
        var file = Path.Combine(CliRun.TempFolder(), "scores.csv");
        var result = store.Run("query", "SELECT form_id, total_score FROM forms", "--format", "csv", "--out", file);

        result.ExitCode.ShouldBe(0, result.Err);
        result.Out.ShouldBeEmpty();
        File.ReadAllLines(file).Length.ShouldBe(1 + store.AllForms.Count());
        result.Err.ShouldContain(file);
    }

    [Fact]
    public void An_empty_store_still_has_its_views_and_a_missing_data_folder_is_bad_usage()
    {
        var data = CliRun.TempFolder();
        Directory.CreateDirectory(Path.Combine(data, "outbox"));
        var empty = CliRun.Run("query", "SELECT (SELECT count(*) FROM forms) + (SELECT count(*) FROM indicators) + (SELECT count(*) FROM checks)", "--data", data, "-f", "csv");
        empty.ExitCode.ShouldBe(0, empty.Err);
        empty.Out.ShouldEndWith("\r\n0\r\n");

        var missing = CliRun.Run("query", "SELECT 1", "--data", Path.Combine(data, "no-such-folder"));
        missing.ExitCode.ShouldBe(2);
        missing.Err.ShouldContain("no data folder");
    }

    [Fact]
    public void A_damaged_file_is_named_and_left_out_a_value_of_the_wrong_type_reads_empty_and_the_rest_is_queried()
    {
        var data = CliRun.TempFolder();
        var outbox = Directory.CreateDirectory(Path.Combine(data, "outbox")).FullName;
        var good = Directory.GetFiles(Path.Combine(store.Data, "outbox"), "seed_0*.json").Order().Take(2).ToList();
        foreach (var file in good) File.Copy(file, Path.Combine(outbox, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(outbox, "cut.json"), File.ReadAllText(good[0])[..200]);
        File.WriteAllText(Path.Combine(outbox, "partial.json"), """{ "year": 2023, "projectName": "只有两个字段", "somethingNew": [1, 2] }""");
        File.WriteAllText(Path.Combine(outbox, "typo.json"), """{ "year": 2024, "indicators": "见附件", "totalScore": 88 }""");

        var result = CliRun.Run("query", "SELECT form_id, year, indicator_count, total_score FROM forms ORDER BY form_id", "--data", data, "-f", "csv");

        result.ExitCode.ShouldBe(0, result.Err);
        result.Err.ShouldContain("cut.json");
        result.Err.ShouldContain("见附件");
        var lines = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(5);
        lines[1].ShouldBe("partial,2023,0,");
        lines[2].ShouldStartWith(Path.GetFileNameWithoutExtension(good[0]) + ",2020,");
        lines[4].ShouldBe("typo,2024,0,88");
    }

    [Fact]
    public void A_form_changed_added_or_removed_since_the_last_query_is_seen_by_the_next_one()
    {
        var data = CliRun.TempFolder();
        var outbox = Directory.CreateDirectory(Path.Combine(data, "outbox")).FullName;
        var seed = Directory.GetFiles(Path.Combine(store.Data, "outbox"), "seed_0*.json").Order().ToList();
        foreach (var file in seed.Take(3)) File.Copy(file, Path.Combine(outbox, Path.GetFileName(file)));
        const string sql = "SELECT count(*), sum(total_score) FROM forms";
        string Answer() => CliRun.Run("query", sql, "--data", data, "-f", "csv").Out.Split("\r\n")[1];

        Answer().ShouldBe(FormattableString.Invariant($"3,{Sum(seed.Take(3))}"));
        Directory.GetFiles(Path.Combine(data, "state", "query"), "*.parquet").Length.ShouldBe(1);

        var changed = JsonNode.Parse(File.ReadAllText(seed[0]))!;
        changed["totalScore"] = 50;
        File.WriteAllText(Path.Combine(outbox, Path.GetFileName(seed[0])), changed.ToJsonString());
        File.Delete(Path.Combine(outbox, Path.GetFileName(seed[1])));
        File.Copy(seed[3], Path.Combine(outbox, Path.GetFileName(seed[3])));

        var expected = FormattableString.Invariant($"3,{50 + Sum([seed[2], seed[3]])}");
        Answer().ShouldBe(expected);
        Answer().ShouldBe(expected, "the second answer comes from the refreshed cache");

        static double Sum(IEnumerable<string> files) => files.Sum(f => ImportedStore.Number(JsonNode.Parse(File.ReadAllText(f))!["totalScore"]));
    }
}
