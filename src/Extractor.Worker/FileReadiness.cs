using Extractor.Files;

namespace Extractor.Worker;

/// <summary>
/// A file still being copied must not be read: it is ready once its size and time have not changed for the
/// configured interval and — where its name can be opened through .NET — it can be opened exclusively (no writer
/// holds it). Size and time come from lstat, so nothing but a regular file is ever opened.
/// </summary>
internal sealed class FileReadiness(TimeSpan stableFor, TimeProvider clock)
{
    private readonly Dictionary<string, (long Size, DateTime Written, DateTimeOffset Since)> _seen = new();

    public bool IsReady(FolderEntry entry)
    {
        var key = entry.Printable;
        var status = NativeFiles.Stat(entry.Path);
        if (status.Kind != EntryKind.File) { _seen.Remove(key); return false; }
        var now = clock.GetUtcNow();
        if (!_seen.TryGetValue(key, out var seen) || seen.Size != status.Size || seen.Written != status.Modified)
        {
            _seen[key] = (status.Size, status.Modified, now);
            return stableFor == TimeSpan.Zero && OpensExclusively(entry);
        }
        if (now - seen.Since < stableFor || !OpensExclusively(entry)) return false;
        _seen.Remove(key);
        return true;
    }

    /// <summary>Forgets files no longer waiting (taken, or gone from the inbox).</summary>
    public void Keep(IEnumerable<string> waiting)
    {
        var keep = waiting.ToHashSet(StringComparer.Ordinal);
        foreach (var key in _seen.Keys.Where(k => !keep.Contains(k)).ToList()) _seen.Remove(key);
    }

    private static bool OpensExclusively(FolderEntry entry)
    {
        if (RawName.Text(entry.Path) is not { } path) return true;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
