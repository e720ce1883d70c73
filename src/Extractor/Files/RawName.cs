using System.Security.Cryptography;
using System.Text;

namespace Extractor.Files;

/// <summary>
/// File names as the file system holds them (bytes), and the safe names the store keeps instead of a name it cannot
/// use as it is: bytes that are not UTF-8 (unreachable through a .NET string path), control characters, or a name so
/// long that the outputs and archive copies derived from it would pass the file system's 255-byte limit.
/// </summary>
public static class RawName
{
    /// <summary>Longest name, in UTF-8 bytes, kept as it is. Longer names are cut and marked with their hash.</summary>
    public const int MaxBytes = 120;

    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    public static byte[] Bytes(string path) => Encoding.UTF8.GetBytes(path);

    /// <summary>The name as text when its bytes are valid UTF-8, else null.</summary>
    public static string? Text(byte[] raw)
    {
        try
        {
            return Strict.GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The name for messages: valid UTF-8 as it is, other bytes as \xNN, control characters escaped.</summary>
    public static string Printable(byte[] raw)
    {
        var text = new StringBuilder();
        var decoder = Strict;
        for (var i = 0; i < raw.Length;)
        {
            var length = SequenceLength(raw, i);
            if (length == 0) { text.Append($"\\x{raw[i]:x2}"); i++; continue; }
            text.Append(ControlText.Escape(decoder.GetString(raw, i, length)));
            i += length;
        }
        return text.ToString();
    }

    /// <summary>
    /// The name the store uses for <paramref name="raw"/>: itself when it is safe, else a deterministic safe name:
    /// the readable part (invalid bytes and control characters as '_'), cut to fit, "~" and 8 hex of the raw name's
    /// SHA-256, and the extension when it is short and plain.
    /// </summary>
    public static string Safe(byte[] raw)
    {
        var text = Text(raw);
        if (text is not null && raw.Length <= MaxBytes && !text.Any(char.IsControl)) return text;
        var readable = new string((text ?? Lossy(raw)).Select(c => char.IsControl(c) || c == '\uFFFD' ? '_' : c).ToArray());
        var extension = Path.GetExtension(readable);
        if (extension.Length > 10 || extension.Any(c => c > 0x7F)) extension = "";
        var stem = readable[..^extension.Length];
        var hash = "~" + Convert.ToHexStringLower(SHA256.HashData(raw))[..8];
        var room = MaxBytes - hash.Length - extension.Length;
        while (Encoding.UTF8.GetByteCount(stem) > room) stem = stem[..^1];
        if (stem.Length > 0 && char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
        return stem + hash + extension;
    }

    private static string Lossy(byte[] raw) => new UTF8Encoding(false, false).GetString(raw);

    /// <summary>Length of the valid UTF-8 sequence starting at <paramref name="i"/>, or 0.</summary>
    private static int SequenceLength(byte[] raw, int i)
    {
        var b = raw[i];
        var length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
        if (length == 0 || i + length > raw.Length) return 0;
        try
        {
            Strict.GetCharCount(raw, i, length);
            return length;
        }
        catch (DecoderFallbackException)
        {
            return 0;
        }
    }
}
