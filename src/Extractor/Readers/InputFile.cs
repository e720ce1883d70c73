using System.Security.Cryptography;

namespace Extractor.Readers;

/// <summary>An input as received: its name, its bytes and their SHA-256 (the identity of the content).</summary>
public sealed class InputFile
{
    private InputFile(string path, byte[] bytes)
    {
        Path = path;
        Bytes = bytes;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public string Path { get; }
    public string Name => System.IO.Path.GetFileName(Path);
    public byte[] Bytes { get; }
    public string Sha256 { get; }

    public static InputFile Load(string path) => new(path, File.ReadAllBytes(path));

    public static InputFile FromBytes(string path, byte[] bytes) => new(path, bytes);
}

/// <summary>A reason a user can act on for why an input could not be read; the file is quarantined with it.</summary>
public sealed class InputRejectedException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason { get; } = reason;

    /// <summary>The input kind whose reader refused the file; null when the kind itself could not be told.</summary>
    public string? Reader { get; init; }
}
