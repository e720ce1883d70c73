namespace Extractor.Worker;

/// <summary>The worker's one back-off: 1, 2, 4 … seconds after each failed attempt, up to the configured maximum.</summary>
internal sealed class RetryDelay(TimeSpan maximum)
{
    public TimeSpan After(int attempt) => TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempt, 30)), maximum.TotalSeconds));
}
