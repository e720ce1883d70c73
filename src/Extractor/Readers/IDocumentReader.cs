using Extractor.Grid;

namespace Extractor.Readers;

/// <summary>One reader per input kind; each ends in the grid model and nothing after it knows the kind.</summary>
public interface IDocumentReader
{
    /// <summary>Reads the input's tables; throws <see cref="InputRejectedException"/> with a reason a user can act on.</summary>
    GridDocument Read(InputFile file, CancellationToken cancellationToken);
}
