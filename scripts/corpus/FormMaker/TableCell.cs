namespace FormMaker;

/// <summary>What a cell is, which decides how a producer styles it (bordered label, left text, number).</summary>
internal enum CellRole { Title, Plain, Label, Text, Number }

/// <summary>
/// One printed cell of a form's table at its top-left row and column, with its spans. Each paragraph is one
/// &lt;p&gt;; a '\n' inside a paragraph is a line break (&lt;br&gt;) the producer may print as a space.
/// <paramref name="LabelRow"/> is where a producer without spans (the text export) prints the text of a
/// cell merged over several rows: its top row, or the middle as real exports do.
/// </summary>
internal sealed record TableCell(int Row, int Column, int RowSpan, int ColumnSpan, CellRole Role, IReadOnlyList<string> Paragraphs, int LabelRow)
{
    public bool IsBlank => Paragraphs.Count == 0;
}
