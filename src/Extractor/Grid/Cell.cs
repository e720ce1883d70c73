namespace Extractor.Grid;

/// <summary>A rectangle on a page in the reader's own units: PDF points or image pixels, origin top-left.</summary>
public readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;
    public double Height => Bottom - Top;

    /// <summary>The smallest box holding both.</summary>
    public Box Union(Box other) =>
        new(Math.Min(Left, other.Left), Math.Min(Top, other.Top), Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));

    /// <summary>The box in other units: x → x·<paramref name="scaleX"/> + <paramref name="offsetX"/>, likewise for y.</summary>
    public Box Scaled(double scaleX, double scaleY, double offsetX = 0, double offsetY = 0) =>
        new(Left * scaleX + offsetX, Top * scaleY + offsetY, Right * scaleX + offsetX, Bottom * scaleY + offsetY);
}

/// <summary>Where the rest of a cell cut by a page break was printed: the next page, and the box of the text there.</summary>
public readonly record struct CellPart(int Page, Box Box);

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
    /// null where the reader knows only the cell's box, or no geometry at all. It is where the text is printed in the
    /// original (the trace's box): on a scan the reader deskewed or straightened, the cell's <see cref="Box"/> is in the
    /// prepared page's frame (where its rulings were found), the text box mapped back to the file's own.
    /// </summary>
    public Box? TextBox { get; init; }

    /// <summary>
    /// The rest of a cell a page break cut, printed on the next page(s): its text is already part of <see cref="Text"/>;
    /// these say where it was printed. Empty for a cell printed in one piece.
    /// </summary>
    public IReadOnlyList<CellPart> Continued { get; init; } = [];

    /// <summary>0..1; 1 for text layers, the OCR word confidence (lowest of its words) for scans.</summary>
    public double Confidence { get; init; } = 1.0;

    /// <summary>The spreadsheet's own reference of the cell ("C6"); null for inputs that are no spreadsheet.</summary>
    public string? Address { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    /// <summary>True when two of the cells cover one grid position: a realignment that made them overlap is no grid.</summary>
    public static bool AnyOverlap(IEnumerable<Cell> cells)
    {
        var covered = new HashSet<(int, int)>();
        foreach (var cell in cells)
            for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
                for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                    if (!covered.Add((r, c))) return true;
        return false;
    }
}
