using Extractor.Readers;

namespace Extractor;

/// <summary>
/// Limits each input must stay within ("Extractor:Limits" in pipeline.json), so a hostile or broken file ends in a
/// clean rejection naming the limit instead of taking the machine. Real forms are far inside every default.
/// </summary>
public sealed class InputLimits
{
    /// <summary>Largest file read, in bytes. Default 512 MiB (a year of 300 dpi scans in one PDF is a few hundred MB).</summary>
    public long MaxFileBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Most pages of a PDF or TIFF read. Default 1,000.</summary>
    public int MaxPages { get; set; } = 1000;

    /// <summary>Largest HTML or text input, in bytes (their readers hold several copies of the text). Default 64 MiB.</summary>
    public long MaxTextBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Longest line of a text export, in characters (a form row is a few thousand at most). Default 1,000,000.</summary>
    public int MaxLineCharacters { get; set; } = 1_000_000;

    /// <summary>Deepest nesting of HTML elements (Excel's exports nest about 10 deep). Default 256.</summary>
    public int MaxHtmlDepth { get; set; } = 256;

    /// <summary>
    /// Most bytes one compressed PDF stream, or all the parts of an Office package (.xlsx, .docx) together, may
    /// inflate to, in bytes. Default 256 MiB. One XML part of a package may inflate to <see cref="MaxTextBytes"/> at most.
    /// </summary>
    public long MaxInflatedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Most rows one sheet of a workbook may have (a form has about 40; a sheet of project records a few thousand). Default 10,000.</summary>
    public int MaxSheetRows { get; set; } = 10_000;

    /// <summary>
    /// Most cells one sheet of a workbook may span: its rows times its columns up to the last cell used (the grid
    /// the mapper reads holds every position). Default 500,000 (a form is about 40 × 12).
    /// </summary>
    public int MaxSheetCells { get; set; } = 500_000;

    /// <summary>Refuses a sheet (<paramref name="what"/>: "the sheet 明细") of more rows than <see cref="MaxSheetRows"/> or more cells than <see cref="MaxSheetCells"/>.</summary>
    public void CheckSheet(string what, long rows, long cells)
    {
        if (rows > MaxSheetRows)
            throw new InputRejectedException($"{what} has {rows:N0} rows or more, over the limit of {MaxSheetRows:N0} (Extractor:Limits:MaxSheetRows): a data sheet, not a form");
        if (cells > MaxSheetCells)
            throw new InputRejectedException($"{what} has {cells:N0} cells or more, over the limit of {MaxSheetCells:N0} (Extractor:Limits:MaxSheetCells): a data sheet, not a form");
    }

    /// <summary>Refuses a document of more pages than <see cref="MaxPages"/>, before any page is read.</summary>
    public void CheckPages(int pages, string what)
    {
        if (pages > MaxPages)
            throw new InputRejectedException($"the {what} has {pages:N0} pages, over the limit of {MaxPages:N0} (Extractor:Limits:MaxPages)");
    }

    /// <summary>Refuses an HTML or text input over <see cref="MaxTextBytes"/>, before it is decoded.</summary>
    public void CheckTextBytes(long bytes)
    {
        if (bytes > MaxTextBytes)
            throw new InputRejectedException($"the text is {bytes:N0} bytes, over the limit of {MaxTextBytes:N0} for HTML and text inputs (Extractor:Limits:MaxTextBytes)");
    }

    /// <summary>Refuses a text with a line longer than <see cref="MaxLineCharacters"/>.</summary>
    public void CheckLines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (end - start > MaxLineCharacters)
                throw new InputRejectedException($"a line of the text is {end - start:N0} characters long, over the limit of {MaxLineCharacters:N0} (Extractor:Limits:MaxLineCharacters): no export of a form has lines that long");
            start = end + 1;
        }
    }

    public IEnumerable<string> Validate()
    {
        if (MaxFileBytes < 1024) yield return "Extractor:Limits:MaxFileBytes must be at least 1024";
        if (MaxPages < 1) yield return "Extractor:Limits:MaxPages must be at least 1";
        if (MaxTextBytes < 1024) yield return "Extractor:Limits:MaxTextBytes must be at least 1024";
        if (MaxLineCharacters < 1000) yield return "Extractor:Limits:MaxLineCharacters must be at least 1000";
        if (MaxHtmlDepth < 16) yield return "Extractor:Limits:MaxHtmlDepth must be at least 16";
        if (MaxInflatedBytes < 1024 * 1024) yield return "Extractor:Limits:MaxInflatedBytes must be at least 1 MiB";
        if (MaxSheetRows < 100) yield return "Extractor:Limits:MaxSheetRows must be at least 100";
        if (MaxSheetCells < 1000) yield return "Extractor:Limits:MaxSheetCells must be at least 1000";
    }
}
