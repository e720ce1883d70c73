using System.Buffers.Binary;
using System.Text;

namespace Extractor.Readers.Office;

/// <summary>
/// OLE2 compound files (D0 CF 11 E0 …): what the streams they hold say they are. Excel 97-2003 and WPS workbooks
/// hold a "Workbook" stream, Excel 5/95 ones a "Book" stream, Word 97 documents a "WordDocument" stream, and an
/// encrypted .xlsx or .docx is a compound file too (an "EncryptionInfo" and an "EncryptedPackage" stream).
/// The names are read from the directory entries, 128-byte records at 128-byte boundaries after the header,
/// without following the file's allocation chains: nothing in a damaged file can send this anywhere.
/// </summary>
internal static class CompoundFile
{
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const int EntrySize = 128;
    private const int HeaderSize = 512;

    public static InputKind Kind(byte[] bytes)
    {
        var names = StreamNames(bytes);
        if (names.Contains("EncryptionInfo") || names.Contains("EncryptedPackage"))
            throw new InputRejectedException("the Office file is password-protected (encrypted): save it without a password to have it read");
        if (names.Contains("Workbook")) return InputKind.Xls;
        if (names.Contains("Book"))
            throw new InputRejectedException("an Excel 5.0/95 workbook (BIFF5), which is not read: save it as .xlsx");
        if (names.Contains("WordDocument"))
            throw new InputRejectedException("a Word 97 .doc, which is not read: save it as .docx");
        throw new InputRejectedException(names.Count == 0
            ? "an OLE2 compound file whose directory cannot be read (damaged or truncated)"
            : "an OLE2 compound file of no supported kind (not an Excel workbook; a PowerPoint or Outlook file, say)");
    }

    /// <summary>Names of the stream and storage entries found in the file.</summary>
    internal static HashSet<string> StreamNames(byte[] bytes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var at = HeaderSize; at + EntrySize <= bytes.Length; at += EntrySize)
            if (EntryName(bytes.AsSpan(at, EntrySize)) is { } name) names.Add(name);
        return names;
    }

    /// <summary>The entry's name when the record is a directory entry: a UTF-16 name of its declared length, NUL-ended, and a stream, storage or root type.</summary>
    private static string? EntryName(ReadOnlySpan<byte> entry)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
        var type = entry[0x42];
        if (length is < 4 or > 64 || length % 2 != 0 || type is not (1 or 2 or 5)) return null;
        if (entry[length - 2] != 0 || entry[length - 1] != 0) return null;
        var name = Encoding.Unicode.GetString(entry[..(length - 2)]);
        return name.Any(char.IsControl) && !name.StartsWith('\u0005') ? null : name;
    }
}
