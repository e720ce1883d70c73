using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Extractor.Output;

// The canonical document of CONTRACT.md (schema version 1). Property order is the contract's order.

public sealed class EvaluationForm
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    public string? Title { get; set; }
    public int? Year { get; set; }
    public string? ProjectName { get; set; }
    public string? Department { get; set; }
    public string? ImplementingUnit { get; set; }
    public Funds Funds { get; set; } = new();
    public Goals Goals { get; set; } = new();
    public List<Indicator> Indicators { get; set; } = [];
    public decimal? TotalWeight { get; set; }
    public decimal? TotalScore { get; set; }
    public List<Check> Checks { get; set; } = [];
    public Source Source { get; set; } = new();

    /// <summary>Where every non-null value was printed, by its path (<see cref="FormFields"/>), in document order.</summary>
    public Dictionary<string, TraceEntry> Trace { get; set; } = [];

    /// <summary>What reviewers changed, oldest first.</summary>
    public List<Correction> Corrections { get; set; } = [];
}

public sealed class Funds
{
    public string? UnitAsPrinted { get; set; }
    public FundsRows Rows { get; set; } = new();
    public decimal? Weight { get; set; }
    public decimal? ExecutionRatePercent { get; set; }
    public decimal? Score { get; set; }
}

public sealed class FundsRows
{
    public FundsLine Total { get; set; } = new();
    public FundsLine CurrentYearAppropriation { get; set; } = new();
    public FundsLine PriorYearCarryover { get; set; } = new();
    public FundsLine Other { get; set; } = new();

    /// <summary>The lines with the contract's names, in printed order.</summary>
    public IEnumerable<(string Name, FundsLine Line)> Named() =>
    [
        ("total", Total), ("currentYearAppropriation", CurrentYearAppropriation),
        ("priorYearCarryover", PriorYearCarryover), ("other", Other),
    ];
}

public sealed class FundsLine
{
    public decimal? InitialBudget { get; set; }
    public decimal? AnnualBudget { get; set; }
    public decimal? Executed { get; set; }
}

public sealed class Goals
{
    public string? Planned { get; set; }
    public string? Achieved { get; set; }
}

public sealed class Indicator
{
    public string? Level1 { get; set; }
    public string? Level2 { get; set; }
    public string? Name { get; set; }
    public string? Target { get; set; }
    public string? Actual { get; set; }
    public decimal? Weight { get; set; }
    public decimal? Score { get; set; }
    public string? Deviation { get; set; }
}

public sealed record Check(string Code, string Severity, string? Field, string Message);

public sealed class Source
{
    public string? File { get; set; }
    public string? Sha256 { get; set; }
    public int FormIndex { get; set; }
    public List<int>? Pages { get; set; }

    /// <summary>Width and height of each of <see cref="Pages"/>, in the units of the trace's boxes; null for inputs without pages.</summary>
    public List<double[]>? PageSizes { get; set; }

    /// <summary>Spreadsheet inputs: the name of the sheet the form is on, as saved.</summary>
    public string? Sheet { get; set; }

    public string? Method { get; set; }
}

/// <summary>
/// The cell a value was read from: its 1-based row and column in the reader's grid (and the spreadsheet's own
/// reference); for page-based inputs the page, the box enclosing the printed text ([left, top, right, bottom],
/// origin top-left, PDF points or image pixels), the rest of a value continued on later pages, and the reader's confidence.
/// Properties an input does not have are left out.
/// </summary>
public sealed class TraceEntry
{
    public int Row { get; set; }
    public int Column { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Cell { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Page { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? Box { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<TracePart>? Continued { get; set; }
}

/// <summary>Where the rest of a value continued on another page was printed.</summary>
public sealed class TracePart
{
    public int Page { get; set; }
    public double[] Box { get; set; } = [];
}

/// <summary>One change a reviewer made: <see cref="From"/> is the value before it, the first one of a field the extracted value.</summary>
public sealed class Correction
{
    public string Field { get; set; } = "";
    public JsonNode? From { get; set; }
    public JsonNode? To { get; set; }
    public string By { get; set; } = "";

    /// <summary>UTC, ISO 8601 to the second ("2026-12-01T10:00:00Z").</summary>
    public string At { get; set; } = "";

    public string? Note { get; set; }
}

public static class Severity
{
    public const string Warning = "warning";
    public const string Error = "error";
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EvaluationForm))]
public sealed partial class FormJsonContext : JsonSerializerContext;
