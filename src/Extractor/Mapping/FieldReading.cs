using Extractor.Grid;
using Extractor.Output;

namespace Extractor.Mapping;

/// <summary>
/// Where a field's value came from: the cell as printed and how sure the reader was. The validator turns
/// unreadable numbers and low confidence into checks from these, without touching the values; the document's
/// trace is made of them (<see cref="FieldTrace"/>). <see cref="Cell"/> is the cell read (null only for
/// readings made by hand, as tests do): its box, text box, spreadsheet address and continued parts.
/// </summary>
public sealed record FieldReading(string Field, string? Printed, NumberKind? Number, double Confidence, int? Page, int Row, int Column, Cell? Cell = null);

/// <summary>A form as the mapper read it: the canonical document and the provenance of its fields.</summary>
public sealed record MappedForm(EvaluationForm Form, IReadOnlyList<FieldReading> Readings);

/// <summary>Collects readings while a form is mapped.</summary>
internal sealed class ReadingLog
{
    public List<FieldReading> Readings { get; } = [];

    public string? Text(string field, GridRow row, int column)
    {
        var text = row.TextAt(column);
        if (text is not null) Add(field, row, column, text, null);
        return text;
    }

    public decimal? Number(string field, GridRow row, int column, decimal multiplier = 1m)
    {
        var reading = NumberText.Read(row.TextAt(column), multiplier);
        if (reading.Kind != NumberKind.Blank) Add(field, row, column, reading.Printed, reading.Kind);
        return reading.Value;
    }

    public void Add(string field, GridRow row, int column, string? printed, NumberKind? kind)
    {
        var cell = column >= 0 && column < row.Width ? row.Slots[column] : null;
        Readings.Add(new FieldReading(field, printed, kind, cell?.Confidence ?? 1.0, row.Page, cell?.Row ?? row.Index, cell?.Column ?? column, cell));
    }

    /// <summary>
    /// A value taken from another field rather than from a cell of its own (a merged label filled down, a level-1
    /// known from its level-2): it leads back to the cells the other field was read from.
    /// </summary>
    public void Copy(string from, string to) =>
        Readings.AddRange(Readings.Where(r => r.Field == from).ToList().Select(r => r with { Field = to }));
}
