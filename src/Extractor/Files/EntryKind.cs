namespace Extractor.Files;

/// <summary>What a folder entry is, told without following a link or opening the entry.</summary>
public enum EntryKind { File, Folder, Link, Fifo, Socket, Device, Missing }

/// <summary>An entry's kind, size in bytes and last write time (UTC), as lstat gives them.</summary>
public readonly record struct EntryStatus(EntryKind Kind, long Size, DateTime Modified)
{
    public static readonly EntryStatus Missing = new(EntryKind.Missing, 0, default);
    public static readonly EntryStatus Link = new(EntryKind.Link, 0, default);

    /// <summary>Why an entry that is no regular file is not read, for logs and quarantine notes.</summary>
    public string? Refusal => RefusalOf(Kind);

    /// <summary>Why an entry of this kind is not read; null for a regular file.</summary>
    public static string? RefusalOf(EntryKind kind) => kind switch
    {
        EntryKind.File => null,
        EntryKind.Link => "a link, not a file: links are never followed",
        EntryKind.Folder => "a folder, not a file",
        EntryKind.Fifo => "a FIFO (named pipe), not a file: never opened",
        EntryKind.Socket => "a socket, not a file: never opened",
        EntryKind.Device => "a device, not a file: never opened",
        _ => "gone",
    };
}
