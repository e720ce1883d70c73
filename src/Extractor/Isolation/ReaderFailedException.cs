namespace Extractor.Isolation;

/// <summary>A reader process failed on a file with an error of its own (not a refusal the file earned): quarantined with the message.</summary>
public sealed class ReaderFailedException(string message) : Exception(message);
