using System.Security.Cryptography;

namespace Extractor.Store.Query;

/// <summary>
/// The documents table kept as Parquet in state/query/, sealed by the outbox: each cache file is named after its
/// own SHA-256, and outbox/.query-cache.sha256 names the one that is genuine. Why the seal lives in the outbox: the
/// JSON there is the truth the cache copies, so whoever may write the seal may write the truth anyway; someone who
/// can write state/ but not the outbox (an auditor given a cache folder) cannot pass off a cache of their own, and
/// a cache changed by anything but <see cref="Save"/> (a tool, a hand edit, a copy) no longer matches its name.
/// A user without write access to the outbox reads the sealed cache but cannot seal a new one.
/// </summary>
internal sealed class QueryCache(DataFolder data, string shapeId)
{
    private string Folder => Path.Combine(data.State, "query");
    public string SealPath => Path.Combine(data.Outbox, ".query-cache.sha256");

    /// <summary>
    /// The sealed cache file, or null when there is none. A sealed file whose bytes are not the ones sealed comes
    /// back as null with <paramref name="tampered"/> naming it: it was changed outside extractor.
    /// </summary>
    public string? Sealed(out string? tampered)
    {
        tampered = null;
        string digest;
        try
        {
            digest = File.ReadAllText(SealPath).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (digest.Length != 64 || !digest.All(char.IsAsciiHexDigitLower)) return null;
        var path = FileFor(digest);
        try
        {
            if (Digest(path) == digest) return path;
            tampered = path;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Replaced by a concurrent save since the seal was read, or never written: no cache this time.
            return null;
        }
    }

    /// <summary>
    /// Has <paramref name="write"/> write the cache to a temporary path, names it after its digest, seals it and
    /// removes the caches it replaces. Without write access to state/ or the outbox, nothing changes.
    /// </summary>
    public void Save(Action<string> write)
    {
        var temp = Path.Combine(Folder, $".documents-{Guid.NewGuid():N}.tmp");
        var sealTemp = $"{temp}.seal";
        try
        {
            Directory.CreateDirectory(Folder);
            write(temp);
            var digest = Digest(temp);
            var path = FileFor(digest);
            File.Move(temp, path, overwrite: true);
            File.WriteAllText(sealTemp, digest + "\n");
            File.Move(sealTemp, SealPath, overwrite: true);
            foreach (var old in Directory.EnumerateFiles(Folder, "documents-*.parquet"))
                if (old != path) File.Delete(old);
        }
        catch (Exception e) when (e is StoreQueryException or IOException or UnauthorizedAccessException)
        {
            // No new cache this time: the next open reads the JSON the sealed cache lacks.
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
            if (File.Exists(sealTemp)) File.Delete(sealTemp);
        }
    }

    private string FileFor(string digest) => Path.Combine(Folder, $"documents-{shapeId}-{digest}.parquet");

    private static string Digest(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
