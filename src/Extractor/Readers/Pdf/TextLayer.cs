using UglyToad.PdfPig.Content;

namespace Extractor.Readers.Pdf;

/// <summary>
/// Whether a page's text layer can be read. Scans have none; some government PDFs have one that is garbage
/// (fonts without a usable ToUnicode map give private-use, control or unrelated characters). Both go to OCR.
/// </summary>
public static class TextLayer
{
    /// <summary>Below this share of readable characters (CJK, ASCII, usual punctuation) a text layer is garbage.</summary>
    public const double MinReadableShare = 0.5;

    /// <summary>Nothing on the page at all (no text, no image, no line): nothing to read, by OCR or otherwise.</summary>
    public static bool IsBlank(Page page) => IsEmpty(page) && !page.GetImages().Any() && page.Paths.Count == 0;

    public static bool IsEmpty(Page page) => !page.Letters.Any(l => !string.IsNullOrWhiteSpace(l.Value));

    public static bool IsGarbage(Page page)
    {
        var characters = page.Letters.SelectMany(l => l.Value).Where(c => !char.IsWhiteSpace(c)).ToList();
        return characters.Count > 0 && characters.Count(Readable) < characters.Count * MinReadableShare;
    }

    private static bool Readable(char c) =>
        c is >= '\u0021' and <= '\u007E'                   // ASCII
            or >= '\u2E80' and <= '\u2FDF'                 // radicals (mapped to ideographs later)
            or >= '\u3000' and <= '\u303F'                 // CJK punctuation
            or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF'
            or >= '\uFF00' and <= '\uFFEF'                 // full-width forms
            or >= '\u2010' and <= '\u2030'                 // dashes, quotes, ‰
            or '\u00B7' or '\u00D7' or '\u2103' or '\u2264' or '\u2265' or '\u2192' or '\u25CB' or '\u2014';
}
