using System.Text.Json;
using Serilog;

namespace Extractor.Store.Ledger;

/// <summary>
/// Makes a lost ledger (deleted or replaced while the worker was stopped) known again from what the data folder
/// holds: every outbox document names its content (source.sha256) and the file it came from, every quarantine note
/// its content, reason and attempts. Run before any file is read, so that an original dropped again, under any
/// name, is a duplicate and not a second set of forms. What the documents cannot tell is lost with the ledger: the
/// receipts of duplicates, and contents whose JSON was removed from the outbox.
/// </summary>
public static class LedgerRebuild
{
    /// <summary>Restores an empty ledger from the outbox and quarantine/; nothing when it knows any content.</summary>
    public static void IfLost(DataFolder data, Ledger ledger, ILogger log)
    {
        if (!ledger.IsEmpty()) return;
        var processed = Processed(data, out var documents);
        var quarantined = Quarantined(data).Where(q => !processed.ContainsKey(q.Sha256)).ToList();
        if (processed.Count + quarantined.Count == 0) return;
        if (!ledger.Restore(processed.Values.Concat(quarantined))) return;
        log.Warning("The ledger {Ledger} was missing or empty: rebuilt from {Documents} documents in {Outbox} ({Contents} contents) and {Notes} quarantine notes; an original among them dropped again is a duplicate",
            data.LedgerPath, documents, data.Outbox, processed.Count, quarantined.Count);
    }

    /// <summary>The contents the outbox's documents came from, by SHA-256, with their document names.</summary>
    private static Dictionary<string, KnownContent> Processed(DataFolder data, out int documents)
    {
        var byContent = new Dictionary<string, List<(string Document, string Received, int Index)>>(StringComparer.Ordinal);
        documents = 0;
        if (!Directory.Exists(data.Outbox)) return [];
        foreach (var path in Directory.EnumerateFiles(data.Outbox, "*.json").Where(p => !DataFolder.IsIgnoredName(p)))
        {
            if (Source(path) is not { } source) continue;
            documents++;
            if (!byContent.TryGetValue(source.Sha256, out var forms)) byContent[source.Sha256] = forms = [];
            forms.Add((Path.GetFileName(path), source.File, source.FormIndex));
        }
        return byContent.ToDictionary(c => c.Key, c =>
        {
            var forms = c.Value.OrderBy(f => f.Index).ToList();
            return new KnownContent(c.Key, Outcome.Processed, forms[0].Received, forms.Count, string.Join('\n', forms.Select(f => f.Document)));
        }, StringComparer.Ordinal);
    }

    private sealed record DocumentSource(string Sha256, string File, int FormIndex);

    /// <summary>The source of one outbox document; null for a file that is no document of ours (damaged, stray).</summary>
    private static DocumentSource? Source(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!document.RootElement.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object) return null;
            var sha = Text(source, "sha256");
            var file = Text(source, "file");
            var index = source.TryGetProperty("formIndex", out var i) && i.TryGetInt32(out var n) ? n : 0;
            return sha is { Length: 64 } && file is not null ? new DocumentSource(sha, file, index) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The contents quarantine/ holds, from the notes beside their copies; the latest note of a content wins.</summary>
    private static IEnumerable<KnownContent> Quarantined(DataFolder data)
    {
        if (!Directory.Exists(data.Quarantine)) return [];
        var notes = new List<(QuarantineNote Note, string Copy)>();
        // Walked without following links: quarantine/ holds the links the inbox refused, one of them may be "/".
        var notePaths = Extractor.Files.FolderWalk.Entries(data.Quarantine)
            .Where(e => e.Kind == Extractor.Files.EntryKind.File && e.Name.EndsWith(".error.json", StringComparison.Ordinal))
            .Select(e => Path.Combine(data.Quarantine, e.SafeRelativeName));
        foreach (var path in notePaths)
        {
            try
            {
                if (JsonSerializer.Deserialize<QuarantineNote>(File.ReadAllText(path), QuarantineNote.Json) is { Sha256.Length: 64, File: not null, Reason: not null } note)
                    notes.Add((note, path[..^".error.json".Length]));
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                // Not a note of ours: the quarantined file beside it stays where it is, unknown to the ledger.
            }
        }
        return notes.GroupBy(n => n.Note.Sha256, StringComparer.Ordinal)
            .Select(g => g.MaxBy(n => n.Note.Time))
            .Select(n => new KnownContent(n.Note.Sha256!, Outcome.Quarantined, n.Note.File, 0, null, n.Note.Reader, n.Note.Reason,
                Math.Max(1, n.Note.Attempts), File.Exists(n.Copy) ? n.Copy : null));
    }
}
