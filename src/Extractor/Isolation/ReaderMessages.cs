using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Extractor.Output;

namespace Extractor.Isolation;

// The protocol between a reader pool and its processes: one JSON object a line, a request in, a reply out.

/// <summary>Read the file at <see cref="Path"/> (raw path bytes, as base64 in JSON) and call it <see cref="Name"/>.</summary>
internal sealed record ReaderRequest(byte[] Path, string Name);

/// <summary>What became of a request: the forms, or why the file was refused, or that reading it failed.</summary>
internal sealed class ReaderReply
{
    public string? Sha256 { get; set; }
    public string? Kind { get; set; }
    public List<EvaluationForm>? Forms { get; set; }
    public List<SkippedForm>? Skipped { get; set; }

    /// <summary>The file cannot be read: the reason, as <see cref="Readers.InputRejectedException"/> gave it.</summary>
    public string? Rejected { get; set; }
    public string? Reader { get; set; }

    /// <summary>An I/O failure that may pass (the file is locked or gone): try again later.</summary>
    public string? Transient { get; set; }

    /// <summary>The reader failed on the file (a bug, or a file it cannot cope with).</summary>
    public string? Failed { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(ReaderRequest))]
[JsonSerializable(typeof(ReaderReply))]
internal sealed partial class ReaderJsonContext : JsonSerializerContext;

internal static class ReaderJson
{
    /// <summary>One line a message: never indented (JSON escapes the line breaks inside strings).</summary>
    public static readonly JsonSerializerOptions Lines = new(ReaderJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ReaderJsonContext.Default,
    };
}
