using System.Text.Json.Nodes;
using Extractor.Output;
using Extractor.Readers;

namespace Extractor.Accuracy;

/// <summary>
/// One field compared: where, which group of the form it belongs to, and both values when they differ.
/// <paramref name="Variant"/> is the variant named in the input file: the scan ("scan300" in seed.scan300.pdf),
/// else the producer or layout ("chromium" in case-0000001.chromium.pdf, "landscape" in seed.landscape.pdf);
/// <paramref name="Flagged"/> says whether the output carries a check on the field (a low-confidence or
/// unreadable-value check on it, or a sum check over it), <paramref name="FlagExpected"/> whether the expected
/// document carries one too (the form itself does not add up: the flag is the truth, not noise).
/// <paramref name="Split"/> is the folder a case sits in below the one evaluated ("dev", "test", "corpus/dev"); "" for
/// a case directly in it. <paramref name="Seconds"/> is how long the pipeline took over the whole input the field
/// came from (the same on each of its fields), so a report can say what each kind costs (a scan's OCR against a text layer).
/// <paramref name="BreaksDropped"/> marks a right text that lacks some of the expected paragraph breaks, which the
/// contract allows ("paragraphs may be kept as \n"), so a report can say how many of the right fields are right that way.
/// </summary>
public sealed record FieldResult(string Case, string Input, string Method, int FormIndex, string Group, string Field, bool Correct, string? Expected, string? Actual,
    string? Variant = null, bool Flagged = false, string Split = "", bool FlagExpected = false, double Seconds = 0,
    bool BreaksDropped = false)
{
    /// <summary>A right value the output warns about though the form gives no cause: the noise of the flags.</summary>
    public bool NeedlesslyFlagged => Correct && Flagged && !FlagExpected && Group != "checks";

    /// <summary>How the report groups inputs: the read method, and the variant where there is one ("pdf-ocr scan300", "pdf-text chromium").</summary>
    public string Kind => Variant is null ? Method : $"{Method} {Variant}";

    /// <summary>A wrong value nothing in the output warns about: what a scan must never produce.</summary>
    public bool WrongAndUnflagged => !Correct && !Flagged && Group != "checks";
}

/// <summary>
/// Compares what the pipeline makes of every fixture input with the hand-checked expected JSON, field by
/// field. A fixture case is a folder holding inputs that all carry the same forms and expected/NN.json.
/// </summary>
public static class AccuracyReport
{
    /// <summary>
    /// Compares every case below the folder: a folder holding expected/ is a case; with <paramref name="nested"/>,
    /// other folders are walked for cases too and name their split (the generated corpus: DIR/dev/case-…, DIR/test/case-…).
    /// </summary>
    public static IReadOnlyList<FieldResult> Run(string fixturesFolder, ExtractionPipeline pipeline, Action<string>? progress = null, bool nested = true)
    {
        var results = new List<FieldResult>();
        foreach (var caseFolder in CaseFolders(fixturesFolder, nested))
        {
            var split = Path.GetRelativePath(fixturesFolder, Path.GetDirectoryName(caseFolder)!).Replace('\\', '/');
            var expected = Directory.GetFiles(Path.Combine(caseFolder, "expected"), "*.json").Order()
                .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToList();
            foreach (var input in Inputs(caseFolder))
            {
                progress?.Invoke(input);
                results.AddRange(CompareInput(Path.GetFileName(caseFolder), input, expected, pipeline)
                    .Select(r => r with { Split = split == "." ? "" : split }));
            }
        }
        return results;
    }

    /// <summary>The case folders below a folder, in order; nested ones only when asked.</summary>
    private static IEnumerable<string> CaseFolders(string folder, bool nested)
    {
        foreach (var sub in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (Directory.Exists(Path.Combine(sub, "expected"))) yield return sub;
            else if (nested)
                foreach (var inner in CaseFolders(sub, nested)) yield return inner;
        }
    }

    /// <summary>The input files of a case: everything but the expected folder and notes.</summary>
    public static IEnumerable<string> Inputs(string caseFolder) =>
        Directory.GetFiles(caseFolder).Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            && !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Order();

    private static IEnumerable<FieldResult> CompareInput(string caseName, string input, List<JsonObject> expected, ExtractionPipeline pipeline)
    {
        List<JsonObject> actual;
        string method;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var extraction = pipeline.Extract(InputFile.Load(input));
            actual = extraction.Forms.Select(f => JsonNode.Parse(FormJson.Serialize(f))!.AsObject()).ToList();
            method = extraction.Forms[0].Source.Method ?? "?";
        }
        catch (InputRejectedException e)
        {
            actual = [];
            method = "rejected: " + e.Reason;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var name = Path.GetFileName(input);
        var variant = ScanVariant(name) ?? ProducerVariant(name);
        var results = new List<FieldResult>();
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : null;
            var a = i < actual.Count ? actual[i] : null;
            var flagged = FlaggedFields(a);
            var expectedFlags = FlaggedFields(e);
            foreach (var (group, field, ev, av) in Fields(e, a))
            {
                var exact = Same(ev, av);
                var breaksDropped = !exact && ParagraphBreaks.OnlyDropped(ev, av);
                results.Add(new FieldResult(caseName, name, method, i + 1, group, field, exact || breaksDropped,
                    ev?.ToJsonString(FormJson.Options), av?.ToJsonString(FormJson.Options), variant, flagged.Any(f => Covers(f, field)),
                    FlagExpected: expectedFlags.Any(f => Covers(f, field)), Seconds: seconds, BreaksDropped: breaksDropped));
            }
        }
        return results;
    }

    /// <summary>"seed.scan200-noisy.pdf" → "scan200-noisy"; null for inputs that are no scan variant.</summary>
    public static string? ScanVariant(string fileName) =>
        Path.GetFileNameWithoutExtension(fileName).Split('.').FirstOrDefault(p => p.StartsWith("scan", StringComparison.Ordinal));

    /// <summary>"case-0000001.chromium.pdf" → "chromium", "seed.utf16.txt" → "utf16": the last tag of a name with several; null for "seed.html".</summary>
    public static string? ProducerVariant(string fileName)
    {
        var parts = Path.GetFileNameWithoutExtension(fileName).Split('.');
        return parts.Length > 1 ? parts[^1] : null;
    }

    /// <summary>
    /// The fields a form's checks speak for: the field of each check, and for the sum checks every value
    /// that goes into the sum (a misread score is what makes the scores not add up).
    /// </summary>
    private static List<string> FlaggedFields(JsonObject? form)
    {
        var fields = new List<string>();
        if (form?["checks"] is not JsonArray checks) return fields;
        foreach (var check in checks.OfType<JsonObject>())
        {
            var field = check["field"]?.GetValue<string>() ?? "";
            fields.Add(field);
            fields.AddRange(check["code"]?.GetValue<string>() switch
            {
                "score-sum-mismatch" => ["funds.score", "indicators[*].score"],
                "weight-sum-mismatch" => ["funds.weight", "indicators[*].weight"],
                "score-exceeds-weight" => [field.Replace(".score", ".weight")],
                "execution-rate-mismatch" => ["funds.rows.total.annualBudget", "funds.rows.total.executed"],
                _ => [],
            });
        }
        return fields;
    }

    private static bool Covers(string flagged, string field)
    {
        if (flagged == field || field.StartsWith(flagged + ".", StringComparison.Ordinal) || field.StartsWith(flagged + "[", StringComparison.Ordinal)) return true;
        var star = flagged.IndexOf("[*]", StringComparison.Ordinal);
        return star >= 0 && field.StartsWith(flagged[..star] + "[", StringComparison.Ordinal)
            && field.EndsWith(flagged[(star + 3)..], StringComparison.Ordinal);
    }

    /// <summary>Every compared field of a form pair; checks are compared as a set of code@field.</summary>
    private static IEnumerable<(string Group, string Field, JsonNode? Expected, JsonNode? Actual)> Fields(JsonObject? expected, JsonObject? actual)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var e = Flatten(expected);
        var a = Flatten(actual);
        paths.UnionWith(e.Keys);
        paths.UnionWith(a.Keys);
        foreach (var path in paths)
            yield return (Group(path), path, e.GetValueOrDefault(path), a.GetValueOrDefault(path));

        var expectedChecks = CheckKeys(expected);
        var actualChecks = CheckKeys(actual);
        foreach (var key in expectedChecks.Union(actualChecks))
            yield return ("checks", "checks:" + key, expectedChecks.Contains(key) ? JsonValue.Create(key) : null, actualChecks.Contains(key) ? JsonValue.Create(key) : null);
    }

    /// <summary>
    /// The checks of a form as code@field. low-confidence is left out: it describes the reading of a scan,
    /// not the form, and no expected document can hold it (wrong fields it flags count in <see cref="FieldResult.Flagged"/>).
    /// </summary>
    private static HashSet<string> CheckKeys(JsonObject? form) =>
        form?["checks"] is JsonArray checks
            ? checks.OfType<JsonObject>().Where(c => c["code"]?.GetValue<string>() != "low-confidence").Select(c => $"{c["code"]}@{c["field"]}").ToHashSet()
            : [];

    private static Dictionary<string, JsonNode?> Flatten(JsonObject? form)
    {
        var fields = new Dictionary<string, JsonNode?>();
        if (form is null) return fields;
        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj) Walk(value, path.Length == 0 ? key : $"{path}.{key}");
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}[{i}]");
                    break;
                default:
                    fields[path] = node;
                    break;
            }
        }
        foreach (var (key, value) in form)
        {
            if (key is "checks" or "schemaVersion" or "trace" or "corrections") continue;
            if (key == "source") { fields["source.formIndex"] = value?["formIndex"]; continue; }
            Walk(value, key);
        }
        return fields;
    }

    private static string Group(string path) => path switch
    {
        _ when path.StartsWith("funds", StringComparison.Ordinal) => "funds",
        _ when path.StartsWith("goals", StringComparison.Ordinal) => "goals",
        _ when path.StartsWith("indicators", StringComparison.Ordinal) => "indicators",
        "totalWeight" or "totalScore" => "totals",
        _ => "header",
    };

    private static bool Same(JsonNode? expected, JsonNode? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        if (expected is JsonValue ev && actual is JsonValue av
            && ev.TryGetValue<decimal>(out var en) && av.TryGetValue<decimal>(out var an))
            return en == an;
        return JsonNode.DeepEquals(expected, actual);
    }
}
