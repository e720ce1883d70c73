using System.Text;
using AngleSharp.Html.Parser;
using Extractor.Grid;
using Extractor.Readers.Html;

namespace Extractor.Readers.Text;

/// <summary>
/// Tab-separated exports of the form (Excel/WPS "save as text"): one line a row, tabs split cells, cells may
/// carry HTML fragments (&lt;p&gt;…&lt;/p&gt;) and, when quoted, line breaks. Blank lines are kept as empty rows.
/// </summary>
public sealed class TabTextReader(InputLimits? limits = null) : IDocumentReader
{
    private readonly InputLimits _limits = limits ?? new InputLimits();

    public GridDocument Read(InputFile file, CancellationToken cancellationToken)
    {
        _limits.CheckTextBytes(file.Bytes.Length);
        var text = TextDecoding.Decode(file.Bytes);
        _limits.CheckLines(text);
        return new GridDocument([new GridPage(null, ReadMethod.Text, Cells(text))]);
    }

    internal static IEnumerable<Cell> Cells(string text)
    {
        var parser = new HtmlParser();
        var row = 0;
        foreach (var fields in Records(text))
        {
            for (var col = 0; col < fields.Count; col++)
            {
                var value = HtmlCellText.OfFragment(fields[col], parser);
                if (value is not null) yield return new Cell(row, col, value);
            }
            row++;
        }
    }

    /// <summary>
    /// Splits the text into records of fields. A field that starts with a double quote runs to its closing
    /// quote, across tabs and line breaks (doubled quotes stand for one), as spreadsheet exports write it.
    /// </summary>
    internal static IEnumerable<List<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var atFieldStart = true;
        while (i < text.Length)
        {
            var ch = text[i];
            if (atFieldStart && ch == '"' && ClosingQuote(text, i) is int close)
            {
                field.Append(text, i + 1, close - i - 1).Replace("\"\"", "\"");
                i = close + 1;
                atFieldStart = false;
                continue;
            }
            atFieldStart = false;
            switch (ch)
            {
                case '\t':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    i++;
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields;
                    fields = [];
                    atFieldStart = true;
                    i += ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    break;
                default:
                    field.Append(ch);
                    i++;
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }

    /// <summary>The index of the quote closing a quoted field opened at <paramref name="open"/>, if the field is well-formed.</summary>
    private static int? ClosingQuote(string text, int open)
    {
        for (var j = open + 1; j < text.Length; j++)
        {
            if (text[j] != '"') continue;
            if (j + 1 < text.Length && text[j + 1] == '"') { j++; continue; }
            var next = j + 1 < text.Length ? text[j + 1] : '\n';
            return next is '\t' or '\r' or '\n' ? j : null;
        }
        return null;
    }
}
