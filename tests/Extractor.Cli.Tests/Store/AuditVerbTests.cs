using System.Globalization;
using System.Text.Json.Nodes;
using Extractor.Store.Query;

namespace Extractor.Cli.Tests.Store;

[Collection("imported store")]
public class AuditVerbTests(ImportedStore store)
{
    private List<string[]> Audit(params string[] args)
    {
        var result = store.Run(["audit", .. args, "--format", "csv"]);
        result.ExitCode.ShouldBe(0, result.Err);
        return result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
    }

    /// <summary>Variants form 4 is the deliberately inconsistent one; the store holds it once per variants input.</summary>
    private string InconsistentProject => (string)store.Variants[3]["projectName"]!;

    [Fact]
    public void Without_a_name_audit_lists_every_report_with_its_threshold()
    {
        var result = store.Run("audit");

        result.ExitCode.ShouldBe(0, result.Err);
        foreach (var report in AuditReports.All)
            result.Out.ShouldContain(report.Name);
        result.Out.ShouldContain("90 (total score below this)");
    }

    [Fact]
    public void Low_scores_lists_the_forms_under_the_threshold_lowest_first()
    {
        var rows = Audit("low-scores", "--threshold", "94");

        var expected = store.AllForms.Where(f => ImportedStore.Number(f["totalScore"]) < 94).OrderBy(f => ImportedStore.Number(f["totalScore"])).ToList();
        rows.Count.ShouldBe(expected.Count);
        rows.Count.ShouldBe(4 + 4 + 2);
        rows.Select(r => ImportedStore.Parse(r[4])).ShouldBe(expected.Select(f => ImportedStore.Number(f["totalScore"])));
        Audit("low-scores").ShouldBeEmpty();
    }

    [Fact]
    public void Execution_rate_finds_the_form_whose_printed_rate_disagrees_with_its_amounts()
    {
        var rows = Audit("execution-rate");

        rows.Count.ShouldBe(ImportedStore.VariantsInputs.Length);
        foreach (var row in rows)
        {
            row[3].ShouldBe(InconsistentProject);
            ImportedStore.Parse(row[6]).ShouldBe(95);
            ImportedStore.Parse(row[7]).ShouldBe(90);
            row[8].ShouldBe("printed rate differs from the amounts");
        }
    }

    [Fact]
    public void Execution_rate_with_a_higher_threshold_adds_the_forms_below_it()
    {
        var rows = Audit("execution-rate", "--threshold", "96");

        var expected = store.AllForms.Where(f => ImportedStore.Number(f["funds"]!["executionRatePercent"]) < 96).ToList();
        rows.Count.ShouldBe(expected.Count);
        rows.Where(r => r[3] != InconsistentProject).ShouldAllBe(r => r[8] == "below 96%");
    }

    [Fact]
    public void Weights_not_100_finds_the_form_whose_weights_add_up_to_95()
    {
        var rows = Audit("weights-not-100");

        rows.Count.ShouldBe(ImportedStore.VariantsInputs.Length);
        rows.ShouldAllBe(r => r[3] == InconsistentProject && r[6] == "95" && r[7] == "100");
    }

    [Fact]
    public void Forms_with_checks_lists_the_inconsistent_form_with_its_check_codes()
    {
        var rows = Audit("forms-with-checks");

        var expectedCodes = store.Variants[3]["checks"]!.AsArray().Select(c => (string)c!["code"]!).Order(StringComparer.Ordinal).ToList();
        rows.Count.ShouldBe(ImportedStore.VariantsInputs.Length);
        foreach (var row in rows)
        {
            row[3].ShouldBe(InconsistentProject);
            row[4].ShouldBe(expectedCodes.Count.ToString(CultureInfo.InvariantCulture));
            row[5].ShouldBe("1");
        }
        var csv = store.Run("audit", "forms-with-checks", "--format", "json");
        JsonNode.Parse(csv.Out)!.AsArray()[0]!["codes"]!.GetValue<string>().Split(", ").ShouldBe(expectedCodes);
    }

    [Fact]
    public void Score_spread_gives_each_department_and_year_its_count_and_average()
    {
        var rows = Audit("score-spread");

        var expected = store.AllForms.GroupBy(f => ((string)f["department"]!, f["year"]!.GetValue<int>())).ToList();
        rows.Count.ShouldBe(expected.Count);
        foreach (var group in expected)
        {
            var row = rows.Single(r => r[0] == group.Key.Item1 && r[1] == group.Key.Item2.ToString(CultureInfo.InvariantCulture));
            row[2].ShouldBe(group.Count().ToString(CultureInfo.InvariantCulture));
            ImportedStore.Parse(row[3]).ShouldBe(group.Min(f => ImportedStore.Number(f["totalScore"])));
            ImportedStore.Parse(row[4]).ShouldBe(Math.Round(group.Average(f => ImportedStore.Number(f["totalScore"])), 2), 1e-9);
            ImportedStore.Parse(row[6]).ShouldBe(group.Max(f => ImportedStore.Number(f["totalScore"])));
        }
    }

    [Fact]
    public void Full_scores_with_a_deviation_are_none_in_the_fixtures_and_found_when_a_form_has_one()
    {
        Audit("full-scores-with-deviation").ShouldBeEmpty();

        var data = CliRun.TempFolder();
        var outbox = Directory.CreateDirectory(Path.Combine(data, "outbox")).FullName;
        var source = Directory.GetFiles(Path.Combine(store.Data, "outbox"), "seed_01_*.json").Single();
        var form = JsonNode.Parse(File.ReadAllText(source))!;
        var first = form["indicators"]![0]!;
        first["score"]!.GetValue<double>().ShouldBe(first["weight"]!.GetValue<double>());
        first["deviation"] = "系统上线推迟一个月。";
        File.WriteAllText(Path.Combine(outbox, Path.GetFileName(source)), form.ToJsonString());

        var result = CliRun.Run("audit", "full-scores-with-deviation", "--data", data, "--format", "csv");
        var rows = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        rows.Count.ShouldBe(1);
        rows[0].ShouldContain((string)first["name"]!);
        rows[0].ShouldEndWith("系统上线推迟一个月。");
    }

    [Fact]
    public void An_unknown_report_or_a_threshold_the_report_has_not_is_bad_usage()
    {
        var unknown = store.Run("audit", "no-such-report");
        unknown.ExitCode.ShouldBe(2);
        unknown.Err.ShouldContain("low-scores");

        var threshold = store.Run("audit", "forms-with-checks", "--threshold", "3");
        threshold.ExitCode.ShouldBe(2);
        threshold.Err.ShouldContain("takes no threshold");
    }
}
