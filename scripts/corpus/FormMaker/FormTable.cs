namespace FormMaker;

/// <summary>A form as printed: its cells on a grid of rows and columns, with the widths its columns are printed at.</summary>
internal sealed class FormTable(int columns)
{
    private readonly List<TableCell> cells = [];

    public int Columns { get; } = columns;

    public int Rows { get; private set; }

    /// <summary>Printed widths of the columns, in CSS pixels.</summary>
    public int[] Widths { get; set; } = [];

    public IReadOnlyList<TableCell> Cells => cells;

    /// <summary>Starts a new row and returns its index.</summary>
    public int NewRow() => Rows++;

    /// <summary>
    /// Adds a cell; a blank string is a blank cell. A cell spanning rows is counted in <see cref="Rows"/> only as
    /// far as rows are started.
    /// </summary>
    public void Add(int row, int column, string? text, CellRole role, int rowSpan = 1, int columnSpan = 1, int? labelRow = null) =>
        AddParagraphs(row, column, string.IsNullOrEmpty(text) ? [] : [text], role, rowSpan, columnSpan, labelRow);

    public void AddParagraphs(int row, int column, IReadOnlyList<string> paragraphs, CellRole role, int rowSpan = 1, int columnSpan = 1, int? labelRow = null)
    {
        if (column + columnSpan > Columns) throw new InvalidOperationException($"cell at {row},{column} spans past column {Columns}");
        cells.Add(new TableCell(row, column, rowSpan, columnSpan, role, paragraphs, labelRow ?? row));
    }

    /// <summary>The cells that start on a row, left to right.</summary>
    public IEnumerable<TableCell> RowCells(int row) => cells.Where(c => c.Row == row).OrderBy(c => c.Column);

    /// <summary>Prints other text in the cell at a row and column (a deliberate misprint).</summary>
    public void Replace(int row, int column, string text)
    {
        var i = cells.FindIndex(c => c.Row == row && c.Column == column);
        cells[i] = cells[i] with { Paragraphs = [text] };
    }
}
