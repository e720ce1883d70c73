namespace Extractor.Isolation;

/// <summary>
/// The reader process of a file was stopped — killed over its time or memory limit, or it crashed — so the file has
/// no result. Not the file's fault for sure (a crash may be the machine's), so the caller retries it a few times
/// (<see cref="ReaderOptions.Attempts"/>) before it quarantines the file with this reason.
/// </summary>
public sealed class ReaderStoppedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
