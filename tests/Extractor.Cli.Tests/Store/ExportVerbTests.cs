using System.Globalization;
using DuckDB.NET.Data;

namespace Extractor.Cli.Tests.Store;

[Collection("imported store")]
public class ExportVerbTests(ImportedStore store)
{
    [Theory]
    [InlineData("parquet", "read_parquet")]
    [InlineData("ndjson", "read_json")]
    public void Export_writes_each_view_partitioned_by_year_and_DuckDB_reads_it_back_as_one_table(string format, string reader)
    {
        var folder = CliRun.TempFolder();
        var result = store.Run("export", "--format", format, "--out", folder);

        result.ExitCode.ShouldBe(0, result.Err);
        var years = store.AllForms.Select(f => f["year"]!.GetValue<int>()).Distinct().Order().Select(y => $"year={y}");
        Directory.GetDirectories(Path.Combine(folder, "forms")).Select(Path.GetFileName).Order().ShouldBe(years);
        Directory.GetFiles(Path.Combine(folder, "indicators"), $"*.{format}", SearchOption.AllDirectories).ShouldNotBeEmpty();

        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = $"""
            SELECT count(*), avg(total_score), count(DISTINCT year),
                   (SELECT count(*) FROM {reader}('{folder}/indicators/*/*.{format}', hive_partitioning = true))
            FROM {reader}('{folder}/forms/*/*.{format}', hive_partitioning = true)
            """;
        using var row = command.ExecuteReader();
        row.Read().ShouldBeTrue();
        var forms = store.AllForms.ToList();
        row.GetInt64(0).ShouldBe(forms.Count);
        row.GetDouble(1).ShouldBe(forms.Average(f => ImportedStore.Number(f["totalScore"])), 1e-9);
        row.GetInt64(2).ShouldBe(years.Count());
        row.GetInt64(3).ShouldBe(forms.Sum(f => f["indicators"]!.AsArray().Count));
        result.Out.ShouldContain($"forms{new string(' ', 7)}{forms.Count.ToString(CultureInfo.InvariantCulture),10} rows");
    }
}
