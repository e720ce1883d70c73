namespace Extractor.Grid;

/// <summary>How a page was read; the values are those of the contract's <c>source.method</c>.</summary>
public static class ReadMethod
{
    public const string PdfText = "pdf-text";
    public const string PdfOcr = "pdf-ocr";
    public const string ImageOcr = "image-ocr";
    public const string Html = "html";
    public const string Text = "text";
    public const string Xlsx = "xlsx";
    public const string Xls = "xls";
    public const string Docx = "docx";

    /// <summary>True for the methods that read a page's image (a scan, a photo), whose text a recogniser guessed.</summary>
    public static bool IsOcr(string? method) => method is PdfOcr or ImageOcr;
}

/// <summary>
/// The one intermediate representation: the table cells a reader recovered from one page
/// (or from a whole text/HTML input, which has no pages). Everything after the readers sees only this.
/// </summary>
public sealed class GridPage
{
    public GridPage(int? number, string method, IEnumerable<Cell> cells)
    {
        Number = number;
        Method = method;
        Cells = cells.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
        RowCount = Cells.Count == 0 ? 0 : Cells.Max(c => c.Row + c.RowSpan);
        ColumnCount = Cells.Count == 0 ? 0 : Cells.Max(c => c.Column + c.ColumnSpan);
    }

    /// <summary>1-based page number; null for inputs without pages.</summary>
    public int? Number { get; }
    public string Method { get; }

    /// <summary>Width and height of the page in the units of its boxes (PDF points, image pixels); null without pages.</summary>
    public (double Width, double Height)? Size { get; init; }

    /// <summary>The sheet's name as saved, for spreadsheet inputs (one page per sheet); null otherwise.</summary>
    public string? Sheet { get; init; }

    public IReadOnlyList<Cell> Cells { get; }

    /// <summary>
    /// The ruling lines the cells were recovered from, each as the box of its ink (a scan's lines found in the image),
    /// in the units of the cells' boxes; empty where the reader keeps none. For drawing what the reader saw.
    /// </summary>
    public IReadOnlyList<Box> Rulings { get; init; } = [];

    /// <summary>
    /// The rows of each ruled table on the page, top to bottom, first and end (exclusive): each numbers its own
    /// columns, free lines between them take the columns of the table below. Empty where the reader does not tell
    /// tables apart.
    /// </summary>
    public IReadOnlyList<(int First, int End)> TableRows { get; init; } = [];

    /// <summary>
    /// The same page with every box taken into other units (image pixels to PDF points, a prepared scan's pixels
    /// back to the file's): cell boxes, text boxes, continued parts and rulings alike, and the page's size. Where the
    /// page's text sits elsewhere in the file than its grid (a scan the reader deskewed), <paramref name="placeText"/>
    /// places the text boxes and continued parts, which lead back to the original (<see cref="Cell.TextBox"/>).
    /// </summary>
    public GridPage Placed(Func<Box, Box> place, (double Width, double Height) size, Func<Box, Box>? placeText = null)
    {
        placeText ??= place;
        return new(Number, Method, Cells.Select(c => c with
        {
            Box = c.Box is { } box ? place(box) : null,
            TextBox = c.TextBox is { } text ? placeText(text) : null,
            Continued = c.Continued.Select(p => p with { Box = placeText(p.Box) }).ToList(),
        }))
        { Size = size, Sheet = Sheet, Rulings = Rulings.Select(place).ToList(), TableRows = TableRows };
    }

    public int RowCount { get; }
    public int ColumnCount { get; }

    /// <summary>
    /// The page as full-width rows: each position holds the cell covering it, so a label merged over
    /// several rows or columns is seen from every row it spans (<see cref="GridRow.IsOrigin"/> tells where it starts).
    /// </summary>
    public IReadOnlyList<GridRow> Rows()
    {
        var slots = new Cell?[RowCount, ColumnCount];
        foreach (var cell in Cells)
            for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
                for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                    slots[r, c] ??= cell;

        var rows = new List<GridRow>(RowCount);
        for (var r = 0; r < RowCount; r++)
        {
            var row = new Cell?[ColumnCount];
            for (var c = 0; c < ColumnCount; c++) row[c] = slots[r, c];
            rows.Add(new GridRow(Number, r, row) { Sheet = Sheet });
        }
        return rows;
    }
}

/// <summary>A full-width row of a page: position i holds the cell covering column i, or null.</summary>
public sealed class GridRow(int? page, int index, IReadOnlyList<Cell?> slots)
{
    public int? Page { get; } = page;
    public int Index { get; } = index;

    /// <summary>The sheet the row is on, for spreadsheet inputs; null otherwise.</summary>
    public string? Sheet { get; init; }
    public IReadOnlyList<Cell?> Slots { get; } = slots;
    public int Width => Slots.Count;

    public string? TextAt(int column) =>
        column >= 0 && column < Slots.Count && Slots[column] is { IsBlank: false } cell ? cell.Text : null;

    /// <summary>True where the cell at <paramref name="column"/> starts on this row and column (not covered by a span).</summary>
    public bool IsOrigin(int column) =>
        Slots[column] is { } cell && cell.Row == Index && cell.Column == column;

    /// <summary>Positions of the non-blank cells, each merged cell counted once at its first column.</summary>
    public IEnumerable<int> FilledColumns() =>
        Enumerable.Range(0, Slots.Count).Where(c => TextAt(c) is not null && (c == 0 || !ReferenceEquals(Slots[c], Slots[c - 1])));

    public bool IsEmpty => !FilledColumns().Any();

    public override string ToString() => string.Join(" | ", Slots.Select(s => s?.Text ?? ""));
}

/// <summary>What a reader returns for one input: its pages in order.</summary>
public sealed record GridDocument(IReadOnlyList<GridPage> Pages);
