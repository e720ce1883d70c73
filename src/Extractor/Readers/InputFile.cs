using System.Security.Cryptography;
using Extractor.Files;

namespace Extractor.Readers;

/// <summary>An input as received: its name, its bytes and their SHA-256 (the identity of the content).</summary>
public sealed class InputFile
{
    private InputFile(string path, byte[] bytes, byte[]? rawPath = null)
    {
        Path = path;
        RawPath = rawPath;
        Bytes = bytes;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public string Path { get; }
    public string Name => System.IO.Path.GetFileName(Path);
    public byte[] Bytes { get; }
    public string Sha256 { get; }

    /// <summary>The file's full path as the file system holds it (bytes); null for an input made from bytes.</summary>
    public byte[]? RawPath { get; }

    /// <summary>
    /// Reads a file a user named: a link is followed to the file it names (the user chose it). See
    /// <see cref="Load(byte[], string, long)"/> for everything else.
    /// </summary>
    public static InputFile Load(string path, long maxBytes = long.MaxValue)
    {
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? System.IO.Path.GetFullPath(path);
        return Load(RawName.Bytes(target), path, maxBytes);
    }

    /// <summary>
    /// Reads a regular file by its raw path (which need not be UTF-8); <paramref name="name"/> is what the input is
    /// called. A link, a FIFO, a device or a socket is refused without being opened for reading (a FIFO would block the
    /// reader for good, a link may lead anywhere), and so is a file over <paramref name="maxBytes"/>.
    /// </summary>
    public static InputFile Load(byte[] rawPath, string name, long maxBytes = long.MaxValue)
    {
        var (handle, status) = NativeFiles.OpenRegular(rawPath);
        using (handle)
        {
            if (status.Refusal is { } refusal) throw new InputRejectedException(refusal);
            if (status.Size > maxBytes)
                throw new InputRejectedException($"the file is {status.Size:N0} bytes, over the limit of {maxBytes:N0} (Extractor:Limits:MaxFileBytes)");
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 1);
            var bytes = new byte[status.Size];
            stream.ReadExactly(bytes);
            if (stream.ReadByte() >= 0) throw new IOException($"{name} grew while it was read");
            return new InputFile(name, bytes, rawPath);
        }
    }

    public static InputFile FromBytes(string path, byte[] bytes) => new(path, bytes);
}

/// <summary>A reason a user can act on for why an input could not be read; the file is quarantined with it.</summary>
public sealed class InputRejectedException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason { get; } = reason;

    /// <summary>The input kind whose reader refused the file; null when the kind itself could not be told.</summary>
    public string? Reader { get; init; }
}
