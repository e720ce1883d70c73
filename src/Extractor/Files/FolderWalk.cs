using System.Text;

namespace Extractor.Files;

/// <summary>An entry met in a folder walk: its path as raw bytes, its parts relative to the walk's root, its kind.</summary>
public sealed record FolderEntry(byte[] Path, IReadOnlyList<byte[]> Parts, EntryKind Kind, string? Problem = null)
{
    /// <summary>The relative name as text, or null when a part is no valid UTF-8.</summary>
    public string? RelativeText => Parts.Any(p => RawName.Text(p) is null) ? null : string.Join('/', Parts.Select(p => RawName.Text(p)));

    /// <summary>The relative name the store uses: every part as <see cref="RawName.Safe"/> makes it.</summary>
    public string SafeRelativeName => string.Join('/', Parts.Select(RawName.Safe));

    /// <summary>True when the safe name is the name itself: nothing needs renaming.</summary>
    public bool NameIsSafe => SafeRelativeName == RelativeText;

    public string Printable => string.Join('/', Parts.Select(RawName.Printable));

    public string Name => RawName.Text(Parts[^1]) ?? RawName.Safe(Parts[^1]);

    /// <summary>Why the entry is not read: a folder that could not be walked, or an entry that is no regular file; null for a file.</summary>
    public string? Refusal => Problem ?? EntryStatus.RefusalOf(Kind);
}

/// <summary>
/// Walks a folder recursively without following links: a link to a folder (or to "/", or to ".") is reported as a
/// link, never entered, so a walk cannot leave its root or loop. Names come as raw bytes, so names that are not UTF-8
/// are met too. Folders themselves are not reported, except one that cannot be listed (with the reason).
/// </summary>
public static class FolderWalk
{
    /// <summary>Deeper folders than this are reported as a problem, not entered.</summary>
    public const int MaxDepth = 64;

    public static IEnumerable<FolderEntry> Entries(string root) => Entries(Encoding.UTF8.GetBytes(Path.GetFullPath(root)), [], 0);

    private static IEnumerable<FolderEntry> Entries(byte[] folder, IReadOnlyList<byte[]> parts, int depth)
    {
        List<(byte[] Name, EntryKind Kind)> listed;
        string? problem = null;
        try
        {
            listed = depth > MaxDepth ? [] : NativeFiles.List(folder);
            if (depth > MaxDepth) problem = $"nested deeper than {MaxDepth} folders: not walked";
        }
        catch (IOException e)
        {
            listed = [];
            problem = e.Message;
        }
        if (problem is not null && parts.Count > 0)
        {
            yield return new FolderEntry(folder, parts, EntryKind.Folder, problem);
            yield break;
        }
        foreach (var (name, listedKind) in listed.OrderBy(e => e.Name, ByteOrder.Instance))
        {
            byte[] path = [.. folder, (byte)'/', .. name];
            var kind = listedKind == EntryKind.Missing ? NativeFiles.Stat(path).Kind : listedKind;
            IReadOnlyList<byte[]> entryParts = [.. parts, name];
            if (kind == EntryKind.Folder)
                foreach (var inner in Entries(path, entryParts, depth + 1)) yield return inner;
            else if (kind != EntryKind.Missing)
                yield return new FolderEntry(path, entryParts, kind);
        }
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
