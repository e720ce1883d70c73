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
    public string? Method { get; set; }
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
