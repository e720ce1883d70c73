using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Extractor.Store.Query;

/// <summary>
/// Outbox documents copied into one NDJSON file, one line per form with its form_id (the file's stem) and file_stamp added.
/// Why: DuckDB's read_json pays a large cost per file (10,000 forms: 2 s on one thread, 10-20 s and 5 GB on two),
/// and reads one newline-delimited file in parallel in a fraction of that. Files that are no JSON object (a stray
/// or damaged file) are left out and named in <see cref="Skipped"/>, so one bad file does not hide the store.
/// </summary>
internal sealed class OutboxSnapshot : IDisposable
{
    private const int Batch = 1024;
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Path { get; }
    public int Forms { get; }
    public IReadOnlyList<string> Skipped { get; }

    private OutboxSnapshot(string path, int forms, IReadOnlyList<string> skipped) => (Path, Forms, Skipped) = (path, forms, skipped);

    public static OutboxSnapshot Take(IReadOnlyList<OutboxFile> files)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"extractor-store-{Guid.NewGuid():N}.ndjson");
        var skipped = new List<string>();
        var forms = 0;
        using (var output = File.Create(path))
        {
            foreach (var batch in files.Chunk(Batch))
            {
                var lines = new byte[]?[batch.Length];
                Parallel.For(0, batch.Length, i => lines[i] = Line(batch[i]));
                for (var i = 0; i < batch.Length; i++)
                {
                    if (lines[i] is not { } line)
                    {
                        skipped.Add(batch[i].Path);
                        continue;
                    }
                    output.Write(line);
                    forms++;
                }
            }
        }
        return new OutboxSnapshot(path, forms, skipped);
    }

    public void Dispose() => File.Delete(Path);

    /// <summary>
    /// The document on one line with "form_id" and "file_stamp" first; null when the file is no JSON object or is gone. Line breaks
    /// are dropped byte by byte: valid JSON has none inside its strings (they are escaped), so it stays the same JSON.
    /// </summary>
    private static byte[]? Line(OutboxFile file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var body = bytes.AsSpan();
        if (body.StartsWith(Utf8Bom)) body = body[Utf8Bom.Length..];
        if (!IsJsonObject(body)) return null;
        body = body[(body.IndexOf((byte)'{') + 1)..];

        var id = Encoding.UTF8.GetBytes($"{{\"form_id\":{JsonSerializer.Serialize(file.FormId, Relaxed)},\"file_stamp\":\"{file.Stamp}\"");
        var line = new byte[id.Length + 1 + body.Length + 1];
        id.CopyTo(line, 0);
        var at = id.Length;
        if (body.TrimStart(" \t\r\n"u8).IndexOf((byte)'}') != 0) line[at++] = (byte)',';
        foreach (var b in body)
            if (b is not ((byte)'\n' or (byte)'\r')) line[at++] = b;
        line[at++] = (byte)'\n';
        return line[..at];
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>A syntax check without building anything: one JSON object and nothing after it.</summary>
    private static bool IsJsonObject(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = false });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
