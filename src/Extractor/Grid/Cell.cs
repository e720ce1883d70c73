namespace Extractor.Grid;

/// <summary>A rectangle on a page in the reader's own units: PDF points or image pixels, origin top-left.</summary>
public readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;
    public double Height => Bottom - Top;
}

/// <summary>
/// One cell of a recovered table. A merged cell appears once, at its top-left position, with its spans;
/// the positions it covers hold nothing of their own.
/// </summary>
public sealed record Cell(int Row, int Column, string? Text)
{
    public int RowSpan { get; init; } = 1;
    public int ColumnSpan { get; init; } = 1;

    /// <summary>Where the cell sits on its page; null for inputs without geometry (text exports, HTML).</summary>
    public Box? Box { get; init; }

    /// <summary>
    /// The box enclosing the cell's printed text (smaller than <see cref="Box"/> for a merged or padded cell);
    /// null where the reader knows only the cell's box, or no geometry at all.
    /// </summary>
    public Box? TextBox { get; init; }

    /// <summary>0..1; 1 for text layers, the OCR word confidence (lowest of its words) for scans.</summary>
    public double Confidence { get; init; } = 1.0;

    /// <summary>The spreadsheet's own reference of the cell ("C6"); null for inputs that are no spreadsheet.</summary>
    public string? Address { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
