using Extractor.Grid;

namespace Extractor.Tables;

/// <summary>One printed character: its text and box (points, origin top-left, as the page is read upright).</summary>
public sealed record Glyph(string Value, Box Box, double FontSize)
{
    public double CenterX => (Box.Left + Box.Right) / 2;
    public double CenterY => (Box.Top + Box.Bottom) / 2;
}

/// <summary>A ruling line: horizontal at <see cref="Position"/> = y from <see cref="Start"/> to <see cref="End"/> in x, or vertical the other way round.</summary>
public sealed record Ruling(bool Horizontal, double Position, double Start, double End)
{
    public double Length => End - Start;
}

/// <summary>What a grid finder sees of a page: its glyphs and its ruling lines, upright, origin top-left.</summary>
public sealed record PageLayout(int Number, double Width, double Height, IReadOnlyList<Glyph> Glyphs, IReadOnlyList<Ruling> Rulings);

/// <summary>
/// A table a finder recovered: its cells (rows and columns counted from the table's own top-left), the
/// glyphs each cell took, and whether a page break cut it open at the top or bottom (no closing line there).
/// </summary>
public sealed record FoundTable(Box Box, IReadOnlyList<TableCell> Cells, bool OpenTop = false, bool OpenBottom = false)
{
    public int RowCount => Cells.Count == 0 ? 0 : Cells.Max(c => c.Cell.Row + c.Cell.RowSpan);

    /// <summary>Every glyph the table took, so that the text left over can be read as lines around it.</summary>
    public IEnumerable<Glyph> Glyphs => Cells.SelectMany(c => c.Glyphs.Concat(c.Overflow));
}

/// <summary>
/// A cell of a found table with the glyphs it holds (its text is made from them), and whether it is open at the
/// table's top or bottom edge: no line closes it there, as a merged cell a page break cuts.
/// </summary>
public sealed record TableCell(Cell Cell, IReadOnlyList<Glyph> Glyphs)
{
    public bool OpenTop { get; init; }
    public bool OpenBottom { get; init; }

    /// <summary>
    /// Those of its glyphs that the cell's open edge cuts through, their centre outside the table: a merged cell's
    /// text running over the edge a page break cut (Chromium prints it there), or what is left of the text a
    /// spreadsheet export draws again on the next page and clips (<see cref="PageBreakJoin"/> drops the copy).
    /// </summary>
    public IReadOnlyList<Glyph> Overflow { get; init; } = [];
}
