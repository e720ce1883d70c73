using Extractor.Readers;

namespace Extractor;

/// <summary>Reads every form of a file: the pipeline itself, or a pool of reader processes running it. Disposing releases its engines or processes.</summary>
public interface IFileExtractor : IDisposable
{
    /// <summary>Throws <see cref="InputRejectedException"/> with the reason when the file has no form.</summary>
    FileExtraction Extract(InputFile file, CancellationToken cancellationToken = default);

    /// <summary>
    /// True when files are read in the calling process, so a file that exhausts memory or crashes takes the caller down
    /// with it; false when a reader process takes the blow and the caller hears of it (<see cref="Isolation.ReaderStoppedException"/>).
    /// </summary>
    bool ReadsInThisProcess { get; }
}
