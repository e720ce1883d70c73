using System.Text;

namespace FormMaker;

/// <summary>
/// The case as the seed's tab-separated export (src/Extractor/Readers/Text): one line per table row, one tab
/// between cells and every column present, a merged cell's text in its first column and on its label row (the
/// middle of a block on forms that print it so), the other cells it covers blank; several paragraphs as
/// &lt;p&gt;…&lt;/p&gt;, a line break as a space; blank lines before each form and now and then one inside the
/// indicator rows where a page ended. "case-0000001.txt".
/// </summary>
internal sealed class TextExportProducer : IFormProducer
{
    public string Name => "text";

    public string? Missing() => null;

    public void Write(CorpusCase corpusCase, string caseFolder)
    {
        var random = new Random(corpusCase.Seed ^ 0x7e47);
        var text = new StringBuilder();
        foreach (var form in corpusCase.Forms)
        {
            text.Append("\n\n");
            var table = form.Table;
            var grid = new string[table.Rows, table.Columns];
            foreach (var cell in table.Cells)
                grid[cell.LabelRow, cell.Column] = Cell(cell);
            var pageBreak = random.NextDouble() < 0.3 ? random.Next(table.Rows / 2, table.Rows) : -1;
            for (var r = 0; r < table.Rows; r++)
            {
                if (r == pageBreak) text.Append('\n');
                text.Append(string.Join('\t', Enumerable.Range(0, table.Columns).Select(c => grid[r, c] ?? ""))).Append('\n');
            }
        }
        File.WriteAllText(Path.Combine(caseFolder, corpusCase.Name + ".txt"), text.ToString(), new UTF8Encoding(false));
    }

    private static string Cell(TableCell cell)
    {
        var paragraphs = cell.Paragraphs.Select(p => p.Replace('\n', ' ')).ToList();
        return paragraphs.Count > 1 ? string.Concat(paragraphs.Select(p => $"<p>{p}</p>")) : paragraphs.FirstOrDefault() ?? "";
    }
}
