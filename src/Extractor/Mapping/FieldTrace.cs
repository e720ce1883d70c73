using Extractor.Grid;
using Extractor.Output;

namespace Extractor.Mapping;

/// <summary>
/// The document's trace, made from the readings the mapper logged as it read each value: the first cell's row
/// and column (1-based), its spreadsheet reference, and for page-based inputs the box of the printed text on the
/// first page, every later page's part under <c>continued</c>, and the lowest confidence. A value made of several
/// cells (a target split over three columns, a deviation wrapped onto a row of its own) has the union of their
/// text boxes on each page. Only non-null values are traced: an unreadable number has its check instead.
/// </summary>
public static class FieldTrace
{
    /// <summary>Boxes are rounded to this many decimals (a tenth of a point is far below a printed line).</summary>
    private const int BoxDecimals = 1;

    public static Dictionary<string, TraceEntry> Of(EvaluationForm form, IReadOnlyList<FieldReading> readings)
    {
        var byField = readings.ToLookup(r => r.Field);
        var trace = new Dictionary<string, TraceEntry>();
        foreach (var field in FormFields.Of(form))
            if (field.Get() is not null && byField[field.Path].ToList() is { Count: > 0 } read)
                trace[field.Path] = Entry(read);
        return trace;
    }

    private static TraceEntry Entry(IReadOnlyList<FieldReading> readings)
    {
        var first = readings[0];
        var entry = new TraceEntry { Row = first.Row + 1, Column = first.Column + 1, Cell = first.Cell?.Address };
        var parts = readings.SelectMany(Parts).GroupBy(p => p.Page).Select(g => new CellPart(g.Key, g.Select(p => p.Box).Aggregate((a, b) => a.Union(b)))).ToList();
        if (first.Page is not { } page || parts.Count == 0) return entry;

        entry.Page = page;
        entry.Box = Rounded(parts.FirstOrDefault(p => p.Page == page, parts[0]).Box);
        entry.Confidence = Math.Round(readings.Min(r => r.Confidence), 3);
        var continued = parts.Where(p => p.Page > page).OrderBy(p => p.Page).Select(p => new TracePart { Page = p.Page, Box = Rounded(p.Box) }).ToList();
        if (continued.Count > 0) entry.Continued = continued;
        return entry;
    }

    /// <summary>Where a reading's text was printed: its text box (else its cell's box) on its page, and the parts a page break carried on.</summary>
    private static IEnumerable<CellPart> Parts(FieldReading reading)
    {
        if (reading.Cell is not { } cell || reading.Page is not { } page) yield break;
        if ((cell.TextBox ?? cell.Box) is { } box) yield return new CellPart(page, box);
        foreach (var part in cell.Continued) yield return part;
    }

    private static double[] Rounded(Box box) =>
        [Math.Round(box.Left, BoxDecimals), Math.Round(box.Top, BoxDecimals), Math.Round(box.Right, BoxDecimals), Math.Round(box.Bottom, BoxDecimals)];
}
