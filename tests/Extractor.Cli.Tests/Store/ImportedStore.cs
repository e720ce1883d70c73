using System.Globalization;
using System.Text.Json.Nodes;

namespace Extractor.Cli.Tests.Store;

/// <summary>
/// A data folder filled by the real `extractor import` of every seed and variants input: each input file holds the
/// same forms as its case's expected documents, so the store holds each expected form once per input file.
/// </summary>
public sealed class ImportedStore
{
    public static readonly string[] SeedInputs = ["fixtures/seed/000_3040adc6ab17b275.txt", "fixtures/seed/seed.html", "fixtures/seed/seed.utf16.txt", "fixtures/seed/seed.gb18030.txt"];
    public static readonly string[] VariantsInputs = ["fixtures/variants/variants.html", "fixtures/variants/variants.txt"];

    public string Data { get; } = CliRun.TempFolder();

    public IReadOnlyList<JsonNode> Seed { get; } = ExpectedOf("seed");
    public IReadOnlyList<JsonNode> Variants { get; } = ExpectedOf("variants");

    /// <summary>Every form the store should hold: each expected document once per input file of its case.</summary>
    public IEnumerable<JsonNode> AllForms =>
        SeedInputs.SelectMany(_ => Seed).Concat(VariantsInputs.SelectMany(_ => Variants));

    public ImportedStore()
    {
        var import = CliRun.Run(["import", .. SeedInputs, .. VariantsInputs, "--data", Data]);
        if (import.ExitCode != 0) throw new InvalidOperationException($"import failed ({import.ExitCode}): {import.Err}");
    }

    internal CliRun.Result Run(params string[] args) => CliRun.Run([.. args, "--data", Data]);

    /// <summary>A query's CSV output as rows of cells (the fixtures' text holds no comma, quote or line break in the columns asked).</summary>
    public List<string[]> Csv(string sql)
    {
        var result = Run("query", sql, "--format", "csv");
        if (result.ExitCode != 0) throw new InvalidOperationException(result.Err);
        return result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
    }

    public static double Number(JsonNode? node) => node!.GetValue<double>();

    public static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static List<JsonNode> ExpectedOf(string fixtureCase) =>
        Directory.GetFiles(Path.Combine(CliRun.Fixtures, fixtureCase, "expected"), "*.json").Order()
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!).ToList();
}

[CollectionDefinition("imported store")]
public sealed class ImportedStoreCollection : ICollectionFixture<ImportedStore>;
