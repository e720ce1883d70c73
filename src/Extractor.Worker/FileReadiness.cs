namespace Extractor.Worker;

/// <summary>
/// A file still being copied must not be read: it is ready once its size and time have not changed for the
/// configured interval and it can be opened exclusively (no writer holds it).
/// </summary>
internal sealed class FileReadiness(TimeSpan stableFor, TimeProvider clock)
{
    private readonly Dictionary<string, (long Size, DateTime Written, DateTimeOffset Since)> _seen = new();

    public bool IsReady(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) { _seen.Remove(path); return false; }
        var now = clock.GetUtcNow();
        var state = (info.Length, info.LastWriteTimeUtc);
        if (!_seen.TryGetValue(path, out var seen) || seen.Size != state.Length || seen.Written != state.LastWriteTimeUtc)
        {
            _seen[path] = (state.Length, state.LastWriteTimeUtc, now);
            return stableFor == TimeSpan.Zero && OpensExclusively(path);
        }
        if (now - seen.Since < stableFor || !OpensExclusively(path)) return false;
        _seen.Remove(path);
        return true;
    }

    public void Forget(string path) => _seen.Remove(path);

    private static bool OpensExclusively(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
