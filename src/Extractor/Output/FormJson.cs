using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Extractor.Output;

/// <summary>Serialises forms as the contract's JSON: camelCase, indented, CJK unescaped, UTF-8 without BOM.</summary>
public static partial class FormJson
{
    public static readonly JsonSerializerOptions Options = new(FormJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = FormJsonContext.Default,
    };

    public static string Serialize(EvaluationForm form) => JsonSerializer.Serialize(form, Options);

    public static EvaluationForm Deserialize(string json) =>
        JsonSerializer.Deserialize<EvaluationForm>(json, Options) ?? throw new JsonException("empty document");

    /// <summary>
    /// The output file's name, and so the form's id: "{input stem}_{form index}_{first 8 of the input's SHA-256}.json".
    /// Readable, stable across runs, and distinct for two inputs of the same name but other content.
    /// </summary>
    public static string FileName(EvaluationForm form)
    {
        var stem = Path.GetFileNameWithoutExtension(form.Source.File ?? "form");
        stem = UnsafeInName().Replace(stem, "_");
        return $"{stem}_{form.Source.FormIndex:00}_{(form.Source.Sha256 ?? "").PadRight(8, '0')[..8]}.json";
    }

    /// <summary>
    /// Writes atomically: a temporary file in the same folder, flushed to disk, then renamed over the name.
    /// The temporary name carries the writer's process id, so a later run can tell a crashed writer's leftovers
    /// from a live writer's file (<see cref="AtomicFile.TemporaryFileOwner"/>).
    /// </summary>
    public static string Write(EvaluationForm form, string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName(form));
        WriteTo(form, path);
        return path;
    }

    /// <summary>Writes the document atomically under the given path (a corrected document keeps its name).</summary>
    public static void WriteTo(EvaluationForm form, string path) =>
        AtomicFile.Write(path, new UTF8Encoding(false).GetBytes(Serialize(form) + "\n"));

    [GeneratedRegex(@"[\\/:*?""<>|\x00-\x1F]")]
    private static partial Regex UnsafeInName();
}
