using Extractor.Grid;
using Extractor.Text;

namespace Extractor.Mapping;

/// <summary>Finding labels and the values beside them in a row, by meaning.</summary>
internal static class RowText
{
    /// <summary>The column of the first cell in the row whose text is one of the labels, or -1.</summary>
    public static int FindLabel(GridRow row, string[] labels, Func<string?, string[], bool>? match = null)
    {
        match ??= Label.Is;
        foreach (var c in row.FilledColumns())
            if (match(row.TextAt(c), labels)) return c;
        return -1;
    }

    public static bool Has(GridRow row, string[] labels) => FindLabel(row, labels) >= 0;

    /// <summary>
    /// The column of the value printed right of a label: the next filled cell that is a different cell and
    /// not itself one of the form's labels. -1 when there is none.
    /// </summary>
    public static int ValueRightOf(GridRow row, int labelColumn, params string[][] otherLabels)
    {
        foreach (var c in row.FilledColumns())
        {
            if (c <= labelColumn || ReferenceEquals(row.Slots[c], row.Slots[labelColumn])) continue;
            if (otherLabels.Any(l => Label.Is(row.TextAt(c), l))) return -1;
            return c;
        }
        return -1;
    }

    /// <summary>"项目名称：XX" printed in one cell: the part after the label, or null.</summary>
    public static string? InlineValue(string? text, string[] labels)
    {
        if (text is null) return null;
        foreach (var label in labels)
        {
            var at = text.IndexOfAny([':', '：']);
            if (at > 0 && Label.Is(text[..at], label))
                return Extractor.Text.CjkText.CleanLine(text[(at + 1)..]);
        }
        return null;
    }

    /// <summary>The distinct cells of a row between two columns (inclusive), each merged cell once at its first column.</summary>
    public static IEnumerable<(int Column, string Text)> DistinctTexts(GridRow row, int from, int to)
    {
        Cell? previous = null;
        for (var c = Math.Max(0, from); c <= Math.Min(to, row.Width - 1); c++)
        {
            var cell = row.Slots[c];
            if (cell is null || ReferenceEquals(cell, previous)) { previous = cell; continue; }
            previous = cell;
            if (!cell.IsBlank) yield return (c, cell.Text!);
        }
    }
}
