using Extractor.Grid;
using Extractor.Output;

namespace Extractor.Mapping;

/// <summary>
/// Where a field's value came from: the cell as printed and how sure the reader was. The validator turns
/// unreadable numbers and low confidence into checks from these, without touching the values.
/// </summary>
public sealed record FieldReading(string Field, string? Printed, NumberKind? Number, double Confidence, int? Page, int Row, int Column);

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
        Readings.Add(new FieldReading(field, printed, kind, cell?.Confidence ?? 1.0, row.Page, cell?.Row ?? row.Index, cell?.Column ?? column));
    }
}
