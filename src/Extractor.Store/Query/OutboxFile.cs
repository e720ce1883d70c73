namespace Extractor.Store.Query;

/// <summary>One form document in the outbox: its path, its form_id (the file's stem) and a stamp that changes with it.</summary>
internal sealed record OutboxFile(string Path, string FormId, string Stamp)
{
    /// <summary>The outbox's documents, by name; temporary and hidden files (a write in progress) are not documents.</summary>
    public static List<OutboxFile> List(DataFolder data)
    {
        if (!Directory.Exists(data.Outbox)) return [];
        return new DirectoryInfo(data.Outbox).EnumerateFiles("*.json")
            .Where(f => !DataFolder.IsIgnoredName(f.FullName))
            .Select(f => new OutboxFile(f.FullName, System.IO.Path.GetFileNameWithoutExtension(f.Name), $"{f.Length}:{f.LastWriteTimeUtc.Ticks}"))
            .OrderBy(f => f.FormId, StringComparer.Ordinal)
            .ToList();
    }
}
