namespace Extractor.Tables;

/// <summary>Tables from text alignment, for forms printed without borders.</summary>
public sealed class StreamGridFinder : IGridFinder
{
    public IReadOnlyList<FoundTable> Find(PageLayout page) => [];
}
