namespace Extractor.Store;

/// <summary>
/// The one data folder the worker and the store own (CONTRACT.md): inbox/, work/, outbox/ (one JSON per form),
/// archive/, quarantine/, state/ (the ledger and logs).
/// </summary>
public sealed class DataFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);
    public string Inbox => Path.Combine(Root, "inbox");
    public string Work => Path.Combine(Root, "work");
    public string Outbox => Path.Combine(Root, "outbox");
    public string Archive => Path.Combine(Root, "archive");
    public string Quarantine => Path.Combine(Root, "quarantine");
    public string State => Path.Combine(Root, "state");
    public string LedgerPath => Path.Combine(State, "ledger.db");
    public string Logs => Path.Combine(State, "logs");

    public DataFolder Ensure()
    {
        foreach (var folder in new[] { Inbox, Work, Outbox, Archive, Quarantine, State })
            Directory.CreateDirectory(folder);
        return this;
    }

    /// <summary>
    /// A free path for <paramref name="relativeName"/> under <paramref name="folder"/>: the name itself, else the
    /// name with the content's short hash, else with a counter — an archived or quarantined file never overwrites another.
    /// </summary>
    public static string FreePath(string folder, string relativeName, string sha256)
    {
        var path = Path.Combine(folder, relativeName);
        if (!File.Exists(path)) return path;
        var dir = Path.GetDirectoryName(path)!;
        var stem = Path.GetFileNameWithoutExtension(path);
        var ext = Path.GetExtension(path);
        var candidate = Path.Combine(dir, $"{stem}.{sha256[..8]}{ext}");
        for (var n = 2; File.Exists(candidate); n++)
            candidate = Path.Combine(dir, $"{stem}.{sha256[..8]}.{n}{ext}");
        return candidate;
    }

    /// <summary>Temporary and hidden names a copy in progress uses: never read.</summary>
    public static bool IsIgnoredName(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)
            || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase);
    }
}
