using System.Text;
using Extractor.Readers.Office;

namespace Extractor.Readers;

/// <summary>What a file is, told from its bytes; Xlsx covers .xlsm too (the same package with macros, never run).</summary>
public enum InputKind { Pdf, Image, Html, Text, Xlsx, Xls, Docx }

/// <summary>Tells an input's kind from its bytes, not its name: files arrive misnamed.</summary>
public static class InputKindDetector
{
    public static InputKind Detect(InputFile file)
    {
        var b = file.Bytes;
        if (b.Length == 0) throw new InputRejectedException("the file is empty (0 bytes)");
        // A PDF header counts anywhere in the first kilobyte, as Acrobat takes it: junk may precede it.
        if (b.AsSpan(0, Math.Min(b.Length, 1024)).IndexOf("%PDF-"u8) >= 0) return InputKind.Pdf;
        if (StartsWith(b, [0x89, 0x50, 0x4E, 0x47]) || StartsWith(b, [0xFF, 0xD8, 0xFF])
            || StartsWith(b, "II*\0"u8) || StartsWith(b, "MM\0*"u8) || StartsWith(b, "BM"u8) && b.Length > 26)
            return InputKind.Image;
        if (StartsWith(b, CompoundFile.Signature)) return CompoundFile.Kind(b);
        if (StartsWith(b, "PK\x03\x04"u8)) return OfficePackage.Kind(b);

        var text = TextDecoding.Decode(b);
        var head = text.Length > 4096 ? text[..4096] : text;
        return head.Contains("<table", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
            ? InputKind.Html
            : InputKind.Text;
    }

    private static readonly HashSet<string> InputExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "", ".txt", ".tsv", ".csv", ".xls", ".xlsx", ".xlsm", ".docx", ".doc", ".htm", ".html", ".xhtml", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp",
    };

    /// <summary>
    /// Whether a file met while walking a folder is worth reading: names of the kinds read (and none at all).
    /// Notes, spreadsheets' JSON or the like beside the forms in an archive are left out, not failed; a file
    /// named explicitly is always read, whatever its name.
    /// </summary>
    public static bool IsInputName(string path) => InputExtensions.Contains(Path.GetExtension(path));

    private static bool StartsWith(byte[] b, ReadOnlySpan<byte> magic) => b.AsSpan().StartsWith(magic);
}

/// <summary>
/// Decodes text inputs: a BOM declares UTF-8 or UTF-16; without one, strict UTF-8 is tried, then GB18030
/// (what Chinese government exports often are). Invalid bytes are a clear refusal, never replacement characters.
/// </summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes)
    {
        var (encoding, name, skip) = Declared(bytes);
        if (encoding is not null)
            return Strict(encoding, bytes, skip, $"the file declares {name} (byte-order mark) but holds bytes that are not valid {name}");

        if (LooksBinary(bytes))
            throw new InputRejectedException("the file is binary and of no supported kind (PDF, PNG, JPEG, TIFF, HTML, text, .xlsx, .xls or .docx)");
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Strict(Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
                bytes, 0, "the text is neither valid UTF-8 nor valid GB18030/GBK");
        }
    }

    private static (Encoding? Encoding, string Name, int Skip) Declared(byte[] b)
    {
        if (b.AsSpan().StartsWith("\uFEFF"u8)) return (new UTF8Encoding(false, true), "UTF-8", 3);
        if (b.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (new UnicodeEncoding(false, false, true), "UTF-16LE", 2);
        if (b.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (new UnicodeEncoding(true, false, true), "UTF-16BE", 2);
        return (null, "", 0);
    }

    private static string Strict(Encoding encoding, byte[] bytes, int skip, string reason)
    {
        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputRejectedException(e.Index >= 0 ? $"{reason}, at byte {e.Index + skip}" : reason, e);
        }
    }

    /// <summary>NUL bytes or many control bytes: no text export of a form looks like that.</summary>
    private static bool LooksBinary(byte[] bytes)
    {
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (9 or 10 or 13 or 12)) control++;
        }
        return control > sample.Length / 100 + 1;
    }
}
